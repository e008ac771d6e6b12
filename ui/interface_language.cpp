#include "ui/interface_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

#include "ui/app_settings.h"

namespace dari {

namespace {

// Dari's strings are written in English: it needs no translator.
const QString kKorean = QStringLiteral("ko");

QString resolved(const QString& language) {
    if (language == kKorean || language == QLatin1String("en")) return language;
    for (const QString& ui : QLocale::system().uiLanguages())
        if (ui.startsWith(kKorean)) return kKorean;
    return QStringLiteral("en");
}

}  // namespace

QStringList interfaceLanguages() {
    return {kLanguageSystem, QStringLiteral("en"), kKorean};
}

QString languageDisplayName(const QString& language) {
    if (language == kKorean) return QStringLiteral("한국어");
    if (language == QLatin1String("en")) return QStringLiteral("English");
    return QCoreApplication::translate("InterfaceLanguage", "System (%1)")
        .arg(QLocale::system().nativeLanguageName());
}

QString installInterfaceLanguage(const QString& language) {
    const QString use = resolved(language);
    if (use != kKorean) return use;
    auto* dari = new QTranslator(QCoreApplication::instance());
    if (dari->load(QStringLiteral(":/i18n/dari_ko.qm"))) {
        QCoreApplication::installTranslator(dari);
    } else {
        qWarning("dari-chat: the Korean translation is missing from this build");
        delete dari;
        return QStringLiteral("en");
    }
    // Qt's own strings (dialog buttons, the wizard's Back/Next); absent if the system lacks
    // qt6-translations-l10n, and then they stay English.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(QLocale::Korean), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return kKorean;
}

QString storedInterfaceLanguage(const QString& settingsFile) {
    std::unique_ptr<QSettings> settings =
        settingsFile.isEmpty() ? std::make_unique<QSettings>()
                               : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    AppSettings stored;
    stored.load(*settings);
    return stored.language;
}

}  // namespace dari
