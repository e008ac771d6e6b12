// The Korean interface: run under LANG=ko_KR.UTF-8 (tests/CMakeLists.txt), the window's menus,
// actions and buttons are Korean, Qt's own strings too; "English" in the settings keeps it
// English; every tr() string of the window has a finished Korean translation.

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/interface_language.h"
#include "ui/main_window.h"

namespace {

bool hasHangul(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) return true;
    return false;
}

dari::WindowOptions optionsIn(const QTemporaryDir& dir) {
    dari::WindowOptions options;
    options.historyDb = dir.filePath(QStringLiteral("history.sqlite"));
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    options.dialogs = false;
    return options;
}

}  // namespace

class TestInterfaceLanguage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void englishWhenTheUserSaysSo() {
        QCOMPARE(QLocale::system().language(), QLocale::Korean);
        QTemporaryDir dir;
        {
            QSettings s(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("view/language"), QStringLiteral("en"));
        }
        const QString language =
            dari::storedInterfaceLanguage(dir.filePath(QStringLiteral("settings.ini")));
        QCOMPARE(language, QStringLiteral("en"));
        QCOMPARE(dari::installInterfaceLanguage(language), QStringLiteral("en"));
        dari::MainWindow window(optionsIn(dir));
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    }

    void koreanFollowsTheSystem() {
        QTemporaryDir dir;
        QCOMPARE(dari::storedInterfaceLanguage(dir.filePath(QStringLiteral("settings.ini"))),
                 dari::kLanguageSystem);
        QCOMPARE(dari::installInterfaceLanguage(dari::kLanguageSystem), QStringLiteral("ko"));
        dari::MainWindow window(optionsIn(dir));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Every menu and every action in it, every button: Korean.
        int checked = 0;
        for (QAction* menu : window.menuBar()->actions()) {
            QVERIFY2(hasHangul(menu->text()), qPrintable(menu->text()));
            for (QAction* action : menu->menu()->actions()) {
                if (action->isSeparator() || action->text().isEmpty()) continue;
                QVERIFY2(hasHangul(action->text()), qPrintable(action->text()));
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
        for (QPushButton* button : window.findChildren<QPushButton*>()) {
            if (button->text().isEmpty()) continue;
            QVERIFY2(hasHangul(button->text()), qPrintable(button->text()));
        }
        // Qt's own strings (qtbase_ko, qt6-translations-l10n).
        QVERIFY(hasHangul(QCoreApplication::translate("QPlatformTheme", "Cancel")));
    }

    // lupdate finds no string that lacks its Korean translation (scripts/update-translations.sh).
    void everyStringIsTranslated() {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("dari_ko.ts"));
        QVERIFY(QFile::copy(QStringLiteral(DARI_SOURCE_DIR "/ui/translations/dari_ko.ts"), copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(DARI_SOURCE_DIR));
        lupdate.start(
            QStringLiteral("/usr/lib/qt6/bin/lupdate"),
            {QStringLiteral("-I"), QStringLiteral(DARI_SOURCE_DIR), QStringLiteral("-no-obsolete"),
             QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(60000));
        const QString report = QString::fromUtf8(lupdate.readAllStandardOutput());
        QVERIFY2(report.contains(QStringLiteral(" (0 new and ")), qPrintable(report));
        QProcess lrelease;
        lrelease.start(QStringLiteral("/usr/lib/qt6/bin/lrelease"),
                       {copy, QStringLiteral("-qm"), dir.filePath(QStringLiteral("x.qm"))});
        QVERIFY(lrelease.waitForFinished(60000));
        const QString released = QString::fromUtf8(lrelease.readAllStandardOutput());
        QVERIFY2(released.contains(QRegularExpression(" \\((\\d+) finished and 0 unfinished\\)")) &&
                     !released.contains(QStringLiteral("untranslated")),
                 qPrintable(released));
    }
};

QTEST_MAIN(TestInterfaceLanguage)
#include "test_interface_language.moc"
