#include "ui/app_settings.h"

#include <QSettings>

namespace dari {

void AppSettings::load(QSettings& s) {
    const AppSettings d;
    beam = qBound(1, s.value(QStringLiteral("decode/beam"), d.beam).toInt(), 32);
    maxLengthRatio = qBound(0.5, s.value(QStringLiteral("decode/maxLengthRatio"), d.maxLengthRatio).toDouble(), 10.0);
    temperature = qBound(0.05, s.value(QStringLiteral("chat/temperature"), d.temperature).toDouble(), 5.0);
    topK = qBound(0, s.value(QStringLiteral("chat/topK"), d.topK).toInt(), 1000);
    modelsFolder = s.value(QStringLiteral("models/folder")).toString();
    translateModel = s.value(QStringLiteral("models/translate")).toString();
    chatModel = s.value(QStringLiteral("models/chat")).toString();
    fontSize = qBound(6, s.value(QStringLiteral("view/fontSize"), d.fontSize).toInt(), 40);
    threads = qBound(0, s.value(QStringLiteral("runtime/threads"), d.threads).toInt(), 256);
    translateAsYouType = s.value(QStringLiteral("translate/asYouType"), d.translateAsYouType).toBool();
}

void AppSettings::save(QSettings& s) const {
    s.setValue(QStringLiteral("decode/beam"), beam);
    s.setValue(QStringLiteral("decode/maxLengthRatio"), maxLengthRatio);
    s.setValue(QStringLiteral("chat/temperature"), temperature);
    s.setValue(QStringLiteral("chat/topK"), topK);
    s.setValue(QStringLiteral("models/folder"), modelsFolder);
    s.setValue(QStringLiteral("models/translate"), translateModel);
    s.setValue(QStringLiteral("models/chat"), chatModel);
    s.setValue(QStringLiteral("view/fontSize"), fontSize);
    s.setValue(QStringLiteral("runtime/threads"), threads);
    s.setValue(QStringLiteral("translate/asYouType"), translateAsYouType);
    s.sync();
}

}  // namespace dari
