#include "ui/settings_reader.h"

#include <QCoreApplication>
#include <QVariant>

#include <cmath>

namespace dari {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("dari::SettingsReader", text);
}

bool isText(const QVariant& v) {
    return v.typeId() == QMetaType::QString || v.typeId() == QMetaType::QByteArray;
}

QString show(double value) {
    return QString::number(value, 'g', 6);
}

}  // namespace

QString SettingsReader::stored(const QString& key) const {
    const QVariant v = s_.value(key);
    if (v.typeId() == QMetaType::QStringList) return v.toStringList().join(QLatin1String(", "));
    return v.toString();
}

void SettingsReader::note(const QString& key, const QString& problem, const QString& instead) {
    const QString group = s_.group();
    const QString name = group.isEmpty() ? key : group + QLatin1Char('/') + key;
    notes_ << tr("%1 = \"%2\" %3; using %4").arg(name, stored(key), problem, instead);
}

std::optional<double> SettingsReader::readNumber(const QString& key, double min, double max,
                                                 bool whole, const QString& instead) {
    const QVariant v = s_.value(key);
    bool ok = false;
    const double x = isText(v) ? v.toString().trimmed().toDouble(&ok) : v.toDouble(&ok);
    if (!ok || !std::isfinite(x)) {
        note(key, tr("is not a number"), instead);
        return std::nullopt;
    }
    if (whole && x != std::floor(x)) {
        note(key, tr("is not a whole number"), instead);
        return std::nullopt;
    }
    if (x < min || x > max) {
        note(key, tr("is outside %1 to %2").arg(show(min), show(max)), instead);
        return std::nullopt;
    }
    return x;
}

int SettingsReader::integer(const QString& key, int fallback, int min, int max) {
    if (!s_.contains(key)) return fallback;
    const auto x = readNumber(key, min, max, true, QString::number(fallback));
    return x ? static_cast<int>(*x) : fallback;
}

double SettingsReader::number(const QString& key, double fallback, double min, double max) {
    if (!s_.contains(key)) return fallback;
    return readNumber(key, min, max, false, show(fallback)).value_or(fallback);
}

std::optional<int> SettingsReader::optionalInteger(const QString& key, int min, int max) {
    if (!s_.contains(key)) return std::nullopt;
    const auto x = readNumber(key, min, max, true, tr("the model's value"));
    return x ? std::optional<int>(static_cast<int>(*x)) : std::nullopt;
}

std::optional<double> SettingsReader::optionalNumber(const QString& key, double min, double max) {
    if (!s_.contains(key)) return std::nullopt;
    return readNumber(key, min, max, false, tr("the model's value"));
}

bool SettingsReader::boolean(const QString& key, bool fallback) {
    if (!s_.contains(key)) return fallback;
    const QVariant v = s_.value(key);
    if (v.typeId() == QMetaType::Bool) return v.toBool();
    const QString t = v.toString().trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1")) return true;
    if (t == QLatin1String("false") || t == QLatin1String("0")) return false;
    note(key, tr("is not true or false"),
         fallback ? QStringLiteral("true") : QStringLiteral("false"));
    return fallback;
}

QString SettingsReader::text(const QString& key, const QString& fallback) {
    if (!s_.contains(key)) return fallback;
    const QVariant v = s_.value(key);
    if (isText(v) || v.canConvert<QString>()) {
        if (v.typeId() != QMetaType::QStringList && v.typeId() != QMetaType::QVariantList &&
            v.typeId() != QMetaType::QVariantMap)
            return v.toString();
    }
    note(key, tr("is not a single text value"),
         fallback.isEmpty() ? tr("the default") : QLatin1Char('"') + fallback + QLatin1Char('"'));
    return fallback;
}

QString SettingsReader::choice(const QString& key, const QString& fallback,
                               const QStringList& allowed) {
    if (!s_.contains(key)) return fallback;
    const QString value = text(key, fallback);
    if (allowed.contains(value)) return value;
    if (value != fallback)  // not already noted by text()
        note(key, tr("is not one of %1").arg(allowed.join(QLatin1String(", "))),
             QLatin1Char('"') + fallback + QLatin1Char('"'));
    return fallback;
}

}  // namespace dari
