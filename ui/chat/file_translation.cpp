#include "ui/chat/file_translation.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>

#include <fstream>
#include <sstream>

#include "data/atomic_file.h"
#include "data/utf8.h"
#include "model/bundle/bundle.h"
#include "model/translator.h"

namespace dari {

namespace {

// Lines per batch: enough to fill the worker pool, few enough that progress moves and a
// cancel is quick.
constexpr int kLinesPerChunk = 64;

}  // namespace

FileTranslation::FileTranslation(QObject* parent) : QObject(parent) {
    qRegisterMetaType<dari::FileTranslationResult>();
    connect(&watcher_, &QFutureWatcher<FileTranslationResult>::finished, this,
            [this] { Q_EMIT finished(watcher_.result()); });
}

FileTranslation::~FileTranslation() {
    cancel();
    watcher_.waitForFinished();
}

QString FileTranslation::outputPathFor(const QString& input, const QString& tgtLang) {
    const QFileInfo info(input);
    const QString lang = tgtLang.isEmpty() ? QStringLiteral("translated") : tgtLang;
    return info.dir().filePath(
        info.completeBaseName() + QLatin1Char('.') + lang +
        (info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix()));
}

void FileTranslation::cancel() {
    if (cancel_) *cancel_ = true;
}

bool FileTranslation::start(const QString& modelDir, const QString& input, const QString& output) {
    if (running()) return false;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto stop = cancel_;
    QPointer<FileTranslation> self(this);
    auto report = [self](int done, int total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total] {
                if (self) Q_EMIT self->progress(done, total);
            },
            Qt::QueuedConnection);
    };
    watcher_.setFuture(QtConcurrent::run([=] {
        FileTranslationResult result;
        result.output = output;
        try {
            std::ifstream in(input.toStdString(), std::ios::binary);
            if (!in) throw std::runtime_error(input.toStdString() + ": cannot be read");
            std::vector<std::string> lines;
            for (std::string line; std::getline(in, line);) {
                if (!isValidUtf8(line))
                    throw std::runtime_error(input.toStdString() + ":" +
                                             std::to_string(lines.size() + 1) + ": not UTF-8 text");
                lines.push_back(line);
            }
            auto bundle = std::make_shared<Bundle>(Bundle::load(modelDir.toStdString()));
            const Translator translator(bundle);
            DecodeOptions options = translator.defaultOptions();
            options.shouldStop = [stop] { return stop->load(); };
            std::string translated;
            const int total = static_cast<int>(lines.size());
            report(0, total);
            for (int first = 0; first < total; first += kLinesPerChunk) {
                const int last = std::min(total, first + kLinesPerChunk);
                std::string chunk;
                for (int i = first; i < last; ++i)
                    chunk += lines[i] + "\n";
                translated += translator.translateParagraph(chunk, options).text();
                if (stop->load()) {
                    result.cancelled = true;
                    return result;  // nothing written
                }
                report(last, total);
            }
            writeFileAtomically(output.toStdString(), translated);
            result.lines = total;
        } catch (const std::exception& e) {
            result.error = QString::fromUtf8(e.what());
        }
        return result;
    }));
    return true;
}

}  // namespace dari
