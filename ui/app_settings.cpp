#include "ui/app_settings.h"

#include <QSettings>
#include <QVariant>

namespace dari {

namespace {

// A stored override, clamped to its range; none stored (or not a number): the model's value.
template <typename T>
std::optional<T> storedOverride(QSettings& s, const QString& key, T min, T max) {
    const QVariant value = s.value(key);
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!value.isValid() || !ok) return std::nullopt;
    return qBound(min, static_cast<T>(number), max);
}

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

void AppSettings::load(QSettings& s) {
    const AppSettings d;
    beam = storedOverride(s, QStringLiteral("decode/beam"), 1, 32);
    maxLengthRatio = storedOverride(s, QStringLiteral("decode/maxLengthRatio"), 0.5, 10.0);
    temperature = storedOverride(s, QStringLiteral("chat/temperature"), 0.05, 5.0);
    topK = storedOverride(s, QStringLiteral("chat/topK"), 0, 1000);
    modelsFolder = s.value(QStringLiteral("models/folder")).toString();
    translateModel = s.value(QStringLiteral("models/translate")).toString();
    chatModel = s.value(QStringLiteral("models/chat")).toString();
    fontSize = qBound(6, s.value(QStringLiteral("view/fontSize"), d.fontSize).toInt(), 40);
    threads = qBound(0, s.value(QStringLiteral("runtime/threads"), d.threads).toInt(), 256);
    translateAsYouType =
        s.value(QStringLiteral("translate/asYouType"), d.translateAsYouType).toBool();
}

void AppSettings::save(QSettings& s) const {
    storeOverride(s, QStringLiteral("decode/beam"), beam);
    storeOverride(s, QStringLiteral("decode/maxLengthRatio"), maxLengthRatio);
    storeOverride(s, QStringLiteral("chat/temperature"), temperature);
    storeOverride(s, QStringLiteral("chat/topK"), topK);
    s.setValue(QStringLiteral("models/folder"), modelsFolder);
    s.setValue(QStringLiteral("models/translate"), translateModel);
    s.setValue(QStringLiteral("models/chat"), chatModel);
    s.setValue(QStringLiteral("view/fontSize"), fontSize);
    s.setValue(QStringLiteral("runtime/threads"), threads);
    s.setValue(QStringLiteral("translate/asYouType"), translateAsYouType);
    s.sync();
}

}  // namespace dari
