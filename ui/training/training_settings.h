#pragma once
// What the Training settings page chooses, and how it maps to `dari train`
// options (every value goes through the command line; the window adds no
// training logic). Remembered with QSettings.

#include <QString>
#include <QStringList>

class QSettings;

namespace dari {

struct ModelConfig;

struct TrainingSettings {
    enum class Preset { Tiny = 0, Small = 1, Base = 2 };
    enum class Budget { Minutes = 0, Epochs = 1 };

    QString task = QStringLiteral("translate");  // translate | chat
    QString srcLang = QStringLiteral("ko"), tgtLang = QStringLiteral("en");
    QString cell = QStringLiteral("gru");  // rnn | gru | lstm
    Preset preset = Preset::Small;
    int vocabSize = 4000;
    Budget budget = Budget::Minutes;
    double minutes = 10.0;
    int epochs = 10;
    // Advanced
    QString attention = QStringLiteral("bahdanau");  // none | bahdanau | dot | general
    int layers = 1;
    bool bidirectional = true;
    double dropout = 0.3;
    double learningRate = 1e-3;
    int batchSize = 64;
    double teacherForcing = 1.0;  // at the start; decays to teacherForcingEnd
    double teacherForcingEnd = 1.0;
    int validateEvery = 500;  // steps between validations and checkpoints
    int logEvery = 50;
    int threads = 0;        // 0: all cores
    int processes = 1;      // > 1: dari train --nproc (the cores shared among them)
    QStringList extraSets;  // further KEY=VALUE for --set

    // The preset's network size: embedding and encoder hidden size per direction.
    static int embeddingOf(Preset preset);
    static int hiddenOf(Preset preset);
    static QString presetName(Preset preset);  // "tiny", "small", "base"
    // The engine's model settings these choices give.
    ModelConfig modelConfig() const;
    // Exact trainable parameters (dari::countParameters), for the page to show.
    qint64 parameterCount() const;
    // Options for `dari train`. `fineTune`: the network (and its vocabularies)
    // comes from the base bundle, so only training settings are passed.
    QStringList arguments(bool fineTune) const;

    // Returns a note for each stored value that was unusable and replaced by its default.
    QStringList load(QSettings& settings);
    void save(QSettings& settings) const;
};

}  // namespace dari
