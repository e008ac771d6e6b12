#include "ui/training/training_settings.h"

#include <QSettings>

#include "model/bundle/config.h"
#include "model/network/parameter_count.h"
#include "ui/settings_reader.h"

namespace dari {

namespace {
QString number(double value) {
    return QString::number(value, 'g', 8);
}
QString setting(const char* key, const QString& value) {
    return QLatin1String(key) + QLatin1Char('=') + value;
}
}  // namespace

int TrainingSettings::embeddingOf(Preset preset) {
    switch (preset) {
        case Preset::Tiny:
            return 32;
        case Preset::Small:
            return 128;
        case Preset::Base:
            return 256;
    }
    return 128;
}

int TrainingSettings::hiddenOf(Preset preset) {
    return embeddingOf(preset);
}

QString TrainingSettings::presetName(Preset preset) {
    const char* names[] = {"tiny", "small", "base"};
    return QLatin1String(names[int(preset)]);
}

ModelConfig TrainingSettings::modelConfig() const {
    ModelConfig m;
    m.cell = cell.toStdString();
    m.attention = attention.toStdString();
    m.embeddingSize = embeddingOf(preset);
    m.bidirectional = bidirectional;
    m.encoderHidden = hiddenOf(preset);
    m.decoderHidden = m.encoderHidden * (bidirectional ? 2 : 1);  // as dari train --hidden does
    m.encoderLayers = m.decoderLayers = layers;
    m.dropout = dropout;
    return m;
}

qint64 TrainingSettings::parameterCount() const {
    try {
        return countParameters(modelConfig(), vocabSize, vocabSize);
    } catch (const std::exception&) {
        return 0;
    }
}

QStringList TrainingSettings::arguments(bool fineTune) const {
    QStringList a;
    const auto set = [&a](const char* key, const QString& value) {
        a << QStringLiteral("--set") << setting(key, value);
    };
    // --langs (for aligned files) comes earlier; these name the real languages.
    set("data.task", task);
    set("data.src_lang", srcLang);
    set("data.tgt_lang", tgtLang);
    if (!fineTune) {
        set("data.shared_vocab",
            task == QLatin1String("chat") ? QStringLiteral("true") : QStringLiteral("false"));
        set("model.bidirectional",
            bidirectional ? QStringLiteral("true") : QStringLiteral("false"));
        a << QStringLiteral("--cell") << cell << QStringLiteral("--attention") << attention
          << QStringLiteral("--vocab-size") << QString::number(vocabSize)
          << QStringLiteral("--embedding") << QString::number(embeddingOf(preset))
          << QStringLiteral("--hidden")
          << QString::number(hiddenOf(preset))  // after model.bidirectional
          << QStringLiteral("--layers") << QString::number(layers) << QStringLiteral("--dropout")
          << number(dropout);
    }
    if (budget == Budget::Minutes)
        a << QStringLiteral("--minutes") << number(minutes);
    else
        a << QStringLiteral("--epochs") << QString::number(epochs);
    a << QStringLiteral("--lr") << number(learningRate) << QStringLiteral("--batch-size")
      << QString::number(batchSize) << QStringLiteral("--validate-every")
      << QString::number(validateEvery);
    set("train.teacher_forcing", number(teacherForcing));
    set("train.teacher_forcing_end", number(teacherForcingEnd));
    set("train.log_every", QString::number(logEvery));
    if (threads > 0) a << QStringLiteral("--threads") << QString::number(threads);
    if (processes > 1) a << QStringLiteral("--nproc") << QString::number(processes);
    for (const QString& extra : extraSets)
        a << QStringLiteral("--set") << extra;
    return a;
}

QStringList TrainingSettings::load(QSettings& s) {
    const TrainingSettings d;
    s.beginGroup(QStringLiteral("training"));
    SettingsReader r(s);
    task = r.choice(QStringLiteral("task"), d.task,
                    {QStringLiteral("translate"), QStringLiteral("chat")});
    srcLang = r.text(QStringLiteral("srcLang"), d.srcLang);
    tgtLang =
        r.text(QStringLiteral("tgtLang"), task == QLatin1String("chat") ? d.srcLang : d.tgtLang);
    cell = r.choice(QStringLiteral("cell"), d.cell,
                    {QStringLiteral("rnn"), QStringLiteral("gru"), QStringLiteral("lstm")});
    preset = Preset(r.integer(QStringLiteral("preset"), int(d.preset), 0, 2));
    vocabSize = r.integer(QStringLiteral("vocabSize"), d.vocabSize, 100, 64000);
    budget = Budget(r.integer(QStringLiteral("budget"), int(d.budget), 0, 1));
    minutes = r.number(QStringLiteral("minutes"), d.minutes, 0.1, 10000.0);
    epochs = r.integer(QStringLiteral("epochs"), d.epochs, 1, 10000);
    attention = r.choice(QStringLiteral("attention"), d.attention,
                         {QStringLiteral("none"), QStringLiteral("bahdanau"), QStringLiteral("dot"),
                          QStringLiteral("general")});
    layers = r.integer(QStringLiteral("layers"), d.layers, 1, 8);
    bidirectional = r.boolean(QStringLiteral("bidirectional"), d.bidirectional);
    dropout = r.number(QStringLiteral("dropout"), d.dropout, 0.0, 0.9);
    learningRate = r.number(QStringLiteral("learningRate"), d.learningRate, 1e-6, 1.0);
    batchSize = r.integer(QStringLiteral("batchSize"), d.batchSize, 1, 4096);
    teacherForcing = r.number(QStringLiteral("teacherForcing"), d.teacherForcing, 0.0, 1.0);
    teacherForcingEnd =
        r.number(QStringLiteral("teacherForcingEnd"), d.teacherForcingEnd, 0.0, 1.0);
    validateEvery = r.integer(QStringLiteral("validateEvery"), d.validateEvery, 1, 1000000);
    processes = r.integer(QStringLiteral("processes"), d.processes, 1, 256);
    s.endGroup();
    return r.notes();
}

void TrainingSettings::save(QSettings& s) const {
    s.beginGroup(QStringLiteral("training"));
    s.setValue(QStringLiteral("task"), task);
    s.setValue(QStringLiteral("srcLang"), srcLang);
    s.setValue(QStringLiteral("tgtLang"), tgtLang);
    s.setValue(QStringLiteral("cell"), cell);
    s.setValue(QStringLiteral("preset"), int(preset));
    s.setValue(QStringLiteral("vocabSize"), vocabSize);
    s.setValue(QStringLiteral("budget"), int(budget));
    s.setValue(QStringLiteral("minutes"), minutes);
    s.setValue(QStringLiteral("epochs"), epochs);
    s.setValue(QStringLiteral("attention"), attention);
    s.setValue(QStringLiteral("layers"), layers);
    s.setValue(QStringLiteral("bidirectional"), bidirectional);
    s.setValue(QStringLiteral("dropout"), dropout);
    s.setValue(QStringLiteral("learningRate"), learningRate);
    s.setValue(QStringLiteral("batchSize"), batchSize);
    s.setValue(QStringLiteral("teacherForcing"), teacherForcing);
    s.setValue(QStringLiteral("teacherForcingEnd"), teacherForcingEnd);
    s.setValue(QStringLiteral("validateEvery"), validateEvery);
    s.setValue(QStringLiteral("processes"), processes);
    s.endGroup();
}

}  // namespace dari
