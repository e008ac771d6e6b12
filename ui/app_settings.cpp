#include "ui/app_settings.h"

#include <QSettings>
#include <QVariant>

#include "ui/interface_language.h"
#include "ui/settings_reader.h"

namespace dari {

namespace {

void storeOverride(QSettings& s, const QString& key, const std::optional<int>& value) {
    if (value)
        s.setValue(key, *value);
    else
        s.remove(key);
}

void storeOverride(QSettings& s, const QString& key, const std::optional<double>& value) {
    if (value)
        s.setValue(key, *value);
    else
        s.remove(key);
}

}  // namespace

QStringList AppSettings::load(QSettings& s) {
    const AppSettings d;
    SettingsReader r(s);
    beam = r.optionalInteger(QStringLiteral("decode/beam"), 1, 32);
    maxLengthRatio = r.optionalNumber(QStringLiteral("decode/maxLengthRatio"), 0.5, 10.0);
    temperature = r.optionalNumber(QStringLiteral("chat/temperature"), 0.05, 5.0);
    topK = r.optionalInteger(QStringLiteral("chat/topK"), 0, 1000);
    modelsFolder = r.text(QStringLiteral("models/folder"));
    dataFolder = r.text(QStringLiteral("data/folder"));
    translateModel = r.text(QStringLiteral("models/translate"));
    chatModel = r.text(QStringLiteral("models/chat"));
    fontSize = r.integer(QStringLiteral("view/fontSize"), d.fontSize, kMinFontSize, kMaxFontSize);
    threads = r.integer(QStringLiteral("runtime/threads"), d.threads, 0, 256);
    translateAsYouType = r.boolean(QStringLiteral("translate/asYouType"), d.translateAsYouType);
    language = r.choice(QStringLiteral("view/language"), d.language, interfaceLanguages());
    return r.notes();
}

void AppSettings::save(QSettings& s) const {
    storeOverride(s, QStringLiteral("decode/beam"), beam);
    storeOverride(s, QStringLiteral("decode/maxLengthRatio"), maxLengthRatio);
    storeOverride(s, QStringLiteral("chat/temperature"), temperature);
    storeOverride(s, QStringLiteral("chat/topK"), topK);
    s.setValue(QStringLiteral("models/folder"), modelsFolder);
    s.setValue(QStringLiteral("data/folder"), dataFolder);
    s.setValue(QStringLiteral("models/translate"), translateModel);
    s.setValue(QStringLiteral("models/chat"), chatModel);
    s.setValue(QStringLiteral("view/fontSize"), fontSize);
    s.setValue(QStringLiteral("runtime/threads"), threads);
    s.setValue(QStringLiteral("translate/asYouType"), translateAsYouType);
    s.setValue(QStringLiteral("view/language"), language);
    s.sync();
}

}  // namespace dari
