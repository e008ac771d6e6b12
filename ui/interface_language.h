#pragma once
// The interface language (Settings ▸ Language): the system's, English, or Korean — Dari's own
// strings (ui/translations/dari_ko.ts, built into the program) and Qt's (qtbase_ko, from
// Qt's translations folder: qt6-translations-l10n).

#include <QString>
#include <QStringList>

namespace dari {

// The values of the setting: "system" (the default) follows the locale.
inline const QString kLanguageSystem = QStringLiteral("system");
QStringList interfaceLanguages();  // "system", "en", "ko"
// How a language calls itself in the Settings dialog ("한국어").
QString languageDisplayName(const QString& language);

// Installs the translators for `language` on the running application (before any widget is
// made); returns the language the interface is now in ("en" or "ko").
QString installInterfaceLanguage(const QString& language);

// The stored setting (QSettings' default file unless `settingsFile` names one).
QString storedInterfaceLanguage(const QString& settingsFile = {});

}  // namespace dari
