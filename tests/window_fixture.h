#pragma once
// Shared by the window tests: tiny translate and chat bundles trained in-process,
// windows on a temporary history database and settings file, typing like a user.

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputMethodEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "data/corpus.h"
#include "data/vocabulary.h"
#include "model/bundle/bundle.h"
#include "model/training/trainer.h"
#include "ui/chat/conversation_model.h"
#include "ui/chat/message_input.h"
#include "ui/main_window.h"

namespace fixture {

inline dari::Config tinyConfig(const std::string& task) {
    dari::Config c;
    c.data.task = task;
    c.data.srcLang = "ko";
    c.data.tgtLang = task == "chat" ? "ko" : "en";
    c.data.sharedVocab = task == "chat";
    c.data.srcVocabSize = c.data.tgtVocabSize = 500;
    c.data.maxPieces = 400;  // a high input limit: the responsiveness test sends a long input
    c.model.cell = "gru";
    c.model.embeddingSize = c.model.encoderHidden = c.model.decoderHidden = c.model.attentionSize =
        32;
    c.model.dropout = 0.0;
    c.train.epochs = 2;
    c.train.batchSentences = 32;
    c.train.validateEvery = 1000;
    c.train.logEvery = 2;  // train events with gradient norms, for Learn's clipping chart
    c.train.threads = 1;
    c.decode.beam = 4;
    return c;
}

inline void trainBundle(const dari::Config& config, std::vector<dari::SentencePair> train,
                        std::vector<dari::SentencePair> dev, const QString& out) {
    const auto inputs =
        dari::TrainInputs::single(std::move(train), std::move(dev), "test", "test/train.tsv");
    dari::TrainOptions options;
    options.outDir = out.toStdString();
    dari::TrainLog log(out.toStdString() + ".log.jsonl", false, false);
    dari::train(config, inputs, options, log);
}

// Types like a Hangul input method does: one committed syllable at a time
// (QTest::keyClicks only knows ASCII).
inline void typeText(QWidget* widget, const QString& text) {
    for (const QChar c : text) {
        QInputMethodEvent event;
        event.setCommitString(QString(c));
        QApplication::sendEvent(widget, &event);
    }
}

struct Window {
    QTemporaryDir dir;
    QString models, settings, db;

    // Trains ko-en (Tatoeba) and chat-ko (each sentence answered by the next) into
    // DIR/models and points the settings file there. Returns false if anything failed.
    bool setUp() {
        if (!dir.isValid()) return false;
        models = dir.filePath(QStringLiteral("models"));
        settings = dir.filePath(QStringLiteral("settings.ini"));
        db = dir.filePath(QStringLiteral("history.sqlite"));
        QDir().mkpath(models);
        QSettings s(settings, QSettings::IniFormat);
        s.setValue(QStringLiteral("models/folder"), models);
        s.sync();
        dari::Corpus corpus = dari::readTsv(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv", {true});
        if (corpus.pairs.size() < 330) return false;
        std::vector<dari::SentencePair> train(corpus.pairs.begin(), corpus.pairs.begin() + 300);
        std::vector<dari::SentencePair> dev(corpus.pairs.begin() + 300, corpus.pairs.begin() + 330);
        trainBundle(tinyConfig("translate"), train, dev, models + QStringLiteral("/ko-en"));
        std::vector<dari::SentencePair> chat, chatDev;
        for (size_t i = 0; i + 1 < 330; ++i)
            (i < 300 ? chat : chatDev)
                .push_back({corpus.pairs[i].source, corpus.pairs[i + 1].source, 0});
        trainBundle(tinyConfig("chat"), chat, chatDev, models + QStringLiteral("/chat-ko"));
        return QFile::exists(models + QStringLiteral("/ko-en/model.pt")) &&
               QFile::exists(models + QStringLiteral("/chat-ko/model.pt"));
    }

    // A copy of ko-en that never ends a sentence (</s> gets a huge negative bias), so
    // decoding runs to the length limit: a long decode to cancel. Outside the models folder.
    QString endlessModel() {
        const QString out = dir.filePath(QStringLiteral("endless"));
        if (QFile::exists(out + QStringLiteral("/model.pt"))) return out;
        dari::Bundle bundle = dari::Bundle::load((models + QStringLiteral("/ko-en")).toStdString());
        {
            torch::NoGradGuard noGrad;
            bundle.model->named_parameters()["decoder.output_bias"][dari::kEosId].fill_(-1e4);
        }
        bundle.save(out.toStdString());
        return out;
    }

    std::unique_ptr<dari::MainWindow> makeWindow() {
        dari::WindowOptions o;
        o.historyDb = db;
        o.settingsFile = settings;
        o.dialogs = false;
        auto w = std::make_unique<dari::MainWindow>(o);
        w->show();
        return w;
    }

    // Types `text` into the input and presses Enter; returns the reply's row once it is in.
    static int sendAndWait(dari::MainWindow& w, const QString& text) {
        auto* input = w.findChild<dari::MessageInput*>(QStringLiteral("input"));
        input->setFocus();
        typeText(input, text);
        const int before = w.conversation()->rowCount();
        QTest::keyClick(input, Qt::Key_Return);
        if (w.conversation()->rowCount() != before + 2) return -1;  // user bubble + pending reply
        const int row = before + 1;
        if (!QTest::qWaitFor([&] { return !w.conversation()->at(row).pending; }, 30000)) return -1;
        return row;
    }
};

}  // namespace fixture
