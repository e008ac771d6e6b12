#include "ui/chat/engine_worker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>

#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

#include "model/bundle/bundle.h"
#include "model/device.h"
#include "model/runtime.h"
#include "model/translator.h"

namespace dari {

namespace {

constexpr int kCacheSize = 64;
constexpr int kMaxAlternatives = 5;
// Chat: replies drawn per turn (one batch), ranked; the turn lasts as long as its
// longest draw. `dari chat --nbest N` on 100 chatbot dev inputs (2 cores, 2026-11-28,
// model load included):
// 1 draw 26-42 ms a turn, 3 draws 48-57 ms, 5 draws 74-77 ms. Three give alternatives
// at a cost that leaves room under the 100 ms goal on a busy machine.
constexpr int kChatDraws = 3;
constexpr size_t kMaxLoadedModels = 3;

QString taskName(const QString& task) {
    return task == QLatin1String("chat") ? EngineWorker::tr("chat")
                                         : EngineWorker::tr("translation");
}

}  // namespace

QString replyCacheKey(const EngineRequest& r, quint64 generation) {
    const auto number = [](const auto& value) {
        return value ? QString::number(*value) : QString();
    };
    return QStringList{
        r.task, r.modelDir, QString::number(generation), number(r.beam), number(r.maxLengthRatio),
        r.text}
        .join(QChar(0x1f));
}

namespace {

QStringList toQt(const std::vector<std::string>& v) {
    QStringList out;
    out.reserve(static_cast<int>(v.size()));
    for (const auto& s : v)
        out << QString::fromStdString(s);
    return out;
}

}  // namespace

struct EngineWorker::Impl {
    struct Loaded {
        std::shared_ptr<Translator> translator;
        QString task;
        quint64 generation = 0;                  // this load's number: a reload is a new generation
        std::optional<std::string> fingerprint;  // the folder's files when they were read
    };
    std::map<QString, Loaded> models;  // by folder
    std::list<QString> modelOrder;     // least recently used first
    // LRU cache of translate replies.
    std::list<QString> cacheOrder;  // least recently used first
    QHash<QString, EngineReply> cache;
    std::mt19937_64 seeds{std::random_device{}()};
    quint64 loads = 0;

    // The generation of the weights loaded from `dir`; 0: not loaded.
    quint64 generationOf(const QString& dir) const {
        const auto it = models.find(dir);
        return it == models.end() ? 0 : it->second.generation;
    }

    void forget(const QString& dir) {
        models.erase(dir);
        modelOrder.remove(dir);
    }

    // A loaded model whose folder changed on disk (retrained, replaced, deleted) is
    // forgotten: the next use reads it again, as a new generation the cache knows nothing of.
    void forgetIfChanged(const QString& dir) {
        const auto it = models.find(dir);
        if (it != models.end() && bundleFingerprint(absolute(dir)) != it->second.fingerprint)
            forget(dir);
    }

    static std::string absolute(const QString& dir) {
        return QDir(dir).absolutePath().toStdString();
    }

    // Reads a bundle; read again if its files changed while they were read (a training run
    // saving into the folder), so that the weights and the fingerprint agree.
    static Loaded read(const QString& dir) {
        for (int attempt = 0;; ++attempt) {
            const auto before = bundleFingerprint(absolute(dir));
            if (!before)
                throw std::runtime_error(
                    EngineWorker::tr("The model folder %1 no longer exists (deleted or moved); "
                                     "choose another model.")
                        .arg(QDir::toNativeSeparators(QDir(dir).absolutePath()))
                        .toStdString());
            try {
                auto bundle = std::make_shared<Bundle>(Bundle::load(absolute(dir)));
                if (attempt == 0 && bundleFingerprint(absolute(dir)) != before) continue;
                bundle->to(resolveDevice(bundle->config.decode.device,
                                         absolute(dir) + "/config.yaml: decode.device"));
                return Loaded{std::make_shared<Translator>(bundle),
                              QString::fromStdString(bundle->meta.task), 0, before};
            } catch (const std::exception&) {
                if (attempt == 0 && bundleFingerprint(absolute(dir)) != before) continue;
                throw;
            }
        }
    }

    // Loads a bundle once; throws std::runtime_error for a bad folder or the wrong task.
    std::shared_ptr<Translator> translator(const QString& dir, const QString& task) {
        auto it = models.find(dir);
        if (it == models.end()) {
            Loaded loaded = read(dir);
            loaded.generation = ++loads;
            it = models.emplace(dir, std::move(loaded)).first;
            modelOrder.push_back(dir);
            while (modelOrder.size() > kMaxLoadedModels) {
                models.erase(modelOrder.front());
                modelOrder.pop_front();
            }
        } else {
            modelOrder.remove(dir);
            modelOrder.push_back(dir);
        }
        if (it->second.task != task) {
            const QString have = it->second.task;
            throw std::runtime_error(
                EngineWorker::tr(
                    "%1 is a %2 model (meta.json task \"%3\"), but this mode needs a %4 model.")
                    .arg(QDir(dir).dirName(), taskName(have), have, taskName(task))
                    .toStdString());
        }
        return it->second.translator;
    }

    void remember(const QString& key, const EngineReply& reply) {
        if (cache.contains(key)) cacheOrder.remove(key);
        cache.insert(key, reply);
        cacheOrder.push_back(key);
        while (static_cast<int>(cacheOrder.size()) > kCacheSize) {
            cache.remove(cacheOrder.front());
            cacheOrder.pop_front();
        }
    }

    std::optional<EngineReply> lookup(const QString& key) {
        auto it = cache.find(key);
        if (it == cache.end()) return std::nullopt;
        cacheOrder.remove(key);
        cacheOrder.push_back(key);
        return *it;
    }

    // Decoding options for a request. Chat: kChatDraws draws, the likeliest is the
    // reply (sample-and-rank) and all are alternatives; translate: the beam's n-best.
    // The bundle's own decode settings, with the request's overrides laid over them.
    static DecodeOptions optionsFor(const EngineRequest& r, const Translator& translator,
                                    std::uint64_t seed) {
        DecodeOptions options = translator.defaultOptions();
        options.maxLengthRatio = r.maxLengthRatio.value_or(options.maxLengthRatio);
        if (r.task == QLatin1String("chat")) {
            options.sample = true;
            options.beam = 1;
            options.nbest = kChatDraws;
            options.temperature = r.temperature.value_or(options.temperature);
            options.topK = r.topK.value_or(options.topK);
            options.seed = r.seed ? r.seed : seed;
        } else {
            options.beam = std::max(1, r.beam.value_or(options.beam));
            options.nbest = std::min(options.beam, kMaxAlternatives);
        }
        return options;
    }

    static SentenceDetail detailOf(const Translation& t, const std::string& source) {
        SentenceDetail d;
        d.source = QString::fromStdString(source);
        d.nbest = toQt(t.nbest);
        for (double s : t.scores)
            d.scores << s;
        d.score = t.score;
        d.confidence = t.confidence;
        d.outputPieces = toQt(t.outputPieces);
        d.sourcePieces = toQt(t.sourcePieces);
        d.sourcePieces << QStringLiteral("</s>");
        if (t.attention.defined() && t.attention.dim() == 2) {
            const torch::Tensor a = t.attention.to(torch::kCPU, torch::kFloat).contiguous();
            d.rows = static_cast<int>(a.size(0));
            d.cols = static_cast<int>(a.size(1));
            const float* p = a.data_ptr<float>();
            d.attention = QList<float>(p, p + a.numel());
        }
        return d;
    }

    EngineReply run(const EngineRequest& r, const std::function<bool()>& stop) {
        EngineReply reply;
        reply.id = r.id;
        reply.task = r.task;
        reply.modelDir = r.modelDir;
        reply.modelName = QDir(r.modelDir).dirName();
        reply.preview = r.preview;
        auto translator = this->translator(r.modelDir, r.task);
        DecodeOptions options = optionsFor(r, *translator, seeds());
        options.shouldStop = stop;
        ParagraphTranslation p;
        if (r.task == QLatin1String("chat")) {  // a chat turn is one sequence
            p.sentences = {r.text.simplified().toStdString()};
            p.firstOfLine = {0, 1};
            p.lineEndings = {""};
            p.translations = translator->translate(p.sentences, options);
        } else {
            p = translator->translateParagraph(r.text.toStdString(), options);
        }
        reply.text = QString::fromStdString(p.text()).trimmed();
        for (size_t i = 0; i < p.translations.size(); ++i) {
            reply.truncated = reply.truncated || p.translations[i].truncated;
            reply.stopped = reply.stopped || p.translations[i].stopped;
            reply.sentences << detailOf(p.translations[i], p.sentences[i]);
        }
        return reply;
    }
};

EngineWorker::EngineWorker(QObject* parent) : QObject(parent), d_(std::make_unique<Impl>()) {}
EngineWorker::~EngineWorker() = default;

void EngineWorker::cancelUpTo(quint64 id) {
    quint64 seen = cancelledUpTo_.load();
    while (seen < id && !cancelledUpTo_.compare_exchange_weak(seen, id)) {
    }
}

void EngineWorker::submit(const EngineRequest& request) {
    if (pending_) Q_EMIT dropped(pending_->id);
    pending_ = request;
    if (!scheduled_) {
        scheduled_ = true;
        // Queued: requests that arrived while the last one ran are all seen first.
        QMetaObject::invokeMethod(this, &EngineWorker::processPending, Qt::QueuedConnection);
    }
}

void EngineWorker::processPending() {
    scheduled_ = false;
    if (!pending_) return;
    const EngineRequest request = *pending_;
    pending_.reset();
    if (request.id <= cancelledUpTo_.load()) {
        Q_EMIT dropped(request.id);
        return;
    }
    Q_EMIT started(request.id);
    QElapsedTimer timer;
    timer.start();
    EngineReply reply;
    const bool cacheable = request.task != QLatin1String("chat");
    d_->forgetIfChanged(request.modelDir);
    const quint64 generation = d_->generationOf(request.modelDir);
    if (auto hit = cacheable && generation ? d_->lookup(replyCacheKey(request, generation))
                                           : std::nullopt) {
        reply = *hit;
        reply.id = request.id;
        reply.preview = request.preview;
        reply.cached = true;
    } else {
        try {
            const quint64 id = request.id;  // cancelled or replaced: stop decoding
            reply = d_->run(request, [this, id] {
                return id <= cancelledUpTo_.load(std::memory_order_relaxed);
            });
            if (cacheable && !reply.stopped)
                d_->remember(replyCacheKey(request, d_->generationOf(request.modelDir)), reply);
        } catch (const std::exception& e) {
            reply = EngineReply{};
            reply.id = request.id;
            reply.task = request.task;
            reply.modelDir = request.modelDir;
            reply.modelName = QDir(request.modelDir).dirName();
            reply.preview = request.preview;
            reply.error = QString::fromUtf8(e.what());
            d_->forget(request.modelDir);  // try loading again next time
        }
    }
    reply.ms = timer.nsecsElapsed() / 1e6;
    Q_EMIT finished(reply);
}

void EngineWorker::loadModel(const QString& dir, const QString& task) {
    d_->forget(dir);  // always re-read: the folder may have changed
    try {
        d_->translator(dir, task);
        Q_EMIT modelReady(dir, task);
    } catch (const std::exception& e) {
        d_->forget(dir);
        Q_EMIT modelFailed(dir, task, QString::fromUtf8(e.what()));
    }
}

void EngineWorker::setThreads(int threads) {
    configureThreads(threads);
}

// ---------------------------------------------------------------------------

Engine::Engine(QObject* parent) : QObject(parent), worker_(new EngineWorker) {
    qRegisterMetaType<EngineRequest>();
    qRegisterMetaType<EngineReply>();
    thread_.setObjectName(QStringLiteral("dari-engine"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &EngineWorker::finished, this, [this](const EngineReply& reply) {
        const bool known = outstanding_.contains(reply.id);
        const bool wanted = known && reply.id > cancelledUpTo_ && !reply.stopped;
        settle(reply.id);
        if (wanted)
            Q_EMIT replyReady(reply);
        else if (known && reply.stopped)
            Q_EMIT requestDropped(reply.id);  // replaced while decoding
    });
    connect(worker_, &EngineWorker::dropped, this, [this](quint64 id) {
        const bool known = outstanding_.contains(id);
        settle(id);
        if (known) Q_EMIT requestDropped(id);
    });
    connect(worker_, &EngineWorker::started, this, [this](quint64 id) {
        if (outstanding_.contains(id)) Q_EMIT requestStarted(id);
    });
    connect(worker_, &EngineWorker::modelReady, this, &Engine::modelReady);
    connect(worker_, &EngineWorker::modelFailed, this, &Engine::modelFailed);
    thread_.start();
}

Engine::~Engine() {
    worker_->cancelUpTo(nextId_);
    thread_.quit();
    thread_.wait();
}

quint64 Engine::request(EngineRequest request) {
    request.id = nextId_++;
    worker_->cancelUpTo(request.id - 1);  // latest wins: stops the one being decoded too
    const bool wasBusy = busy();
    outstanding_.insert(request.id);
    QMetaObject::invokeMethod(worker_, "submit", Qt::QueuedConnection,
                              Q_ARG(dari::EngineRequest, request));
    if (!wasBusy) Q_EMIT busyChanged(true);
    return request.id;
}

void Engine::loadModel(const QString& dir, const QString& task) {
    QMetaObject::invokeMethod(worker_, "loadModel", Qt::QueuedConnection, Q_ARG(QString, dir),
                              Q_ARG(QString, task));
}

void Engine::setThreads(int threads) {
    QMetaObject::invokeMethod(worker_, "setThreads", Qt::QueuedConnection, Q_ARG(int, threads));
}

void Engine::cancel() {
    cancelledUpTo_ = nextId_ - 1;
    worker_->cancelUpTo(cancelledUpTo_);
    const QList<quint64> ids = outstanding_.values();
    outstanding_.clear();
    for (quint64 id : ids)
        Q_EMIT requestDropped(id);
    if (!ids.isEmpty()) Q_EMIT busyChanged(false);
}

void Engine::settle(quint64 id) {
    if (!outstanding_.remove(id)) return;
    if (outstanding_.isEmpty()) Q_EMIT busyChanged(false);
}

}  // namespace dari
