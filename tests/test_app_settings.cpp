// Remembered settings (QSettings) with values of the wrong type or out of range: each
// falls back to its default with a note naming the key, the window says so once and
// starts; good values and unset overrides read back as written.

#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/settings_dialog.h"
#include "ui/training/training_settings.h"

using dari::AppSettings;
using dari::TrainingSettings;

class TestAppSettings : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString writeIni(const QString& name, const QString& text) {
        const QString path = dir_.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(text.toUtf8());
        return path;
    }

    static bool mentions(const QStringList& notes, const QString& key) {
        for (const QString& n : notes)
            if (n.startsWith(key + QStringLiteral(" = "))) return true;
        return false;
    }

private Q_SLOTS:
    void wrongTypesFallBackWithANote() {
        const QString path = writeIni(QStringLiteral("bad.ini"),
                                      QStringLiteral("[view]\nfontSize=huge\n"
                                                     "[decode]\nbeam=1000\nmaxLengthRatio=abc\n"
                                                     "[translate]\nasYouType=maybe\n"
                                                     "[runtime]\nthreads=2.5\n"
                                                     "[chat]\ntemperature=0.7\n"
                                                     "[models]\nfolder=/srv/models\n"));
        QSettings s(path, QSettings::IniFormat);
        AppSettings a;
        const QStringList notes = a.load(s);
        const AppSettings d;
        QCOMPARE(a.fontSize, d.fontSize);
        QVERIFY(!a.beam && !a.maxLengthRatio);
        QCOMPARE(a.translateAsYouType, d.translateAsYouType);
        QCOMPARE(a.threads, d.threads);
        QCOMPARE(a.temperature.value_or(0), 0.7);  // good values are kept
        QCOMPARE(a.modelsFolder, QStringLiteral("/srv/models"));
        QCOMPARE(notes.size(), 5);
        for (const char* key : {"view/fontSize", "decode/beam", "decode/maxLengthRatio",
                                "translate/asYouType", "runtime/threads"})
            QVERIFY2(mentions(notes, QLatin1String(key)), key);
        QVERIFY(notes.join('\n').contains(
            QStringLiteral("view/fontSize = \"huge\" is not a number; using 11")));
    }

    void savedSettingsReadBackWithoutNotes() {
        QSettings s(dir_.filePath(QStringLiteral("good.ini")), QSettings::IniFormat);
        AppSettings a;
        a.beam = 7;
        a.topK = 0;
        a.fontSize = 14;
        a.translateAsYouType = true;
        a.chatModel = QStringLiteral("/m/chat, the second");  // a comma: INI's list separator
        a.save(s);
        AppSettings b;
        QVERIFY(b.load(s).isEmpty());
        QCOMPARE(b.beam.value_or(0), 7);
        QCOMPARE(b.topK.value_or(-1), 0);
        QVERIFY(!b.temperature);  // unset stays unset: the model's value
        QCOMPARE(b.fontSize, 14);
        QVERIFY(b.translateAsYouType);
        QCOMPARE(b.chatModel, a.chatModel);
    }

    void trainingSettingsFallBackToo() {
        const QString path =
            writeIni(QStringLiteral("training.ini"),
                     QStringLiteral("[training]\ncell=transformer\nbatchSize=-3\nlayers=2\n"
                                    "dropout=nan\nbidirectional=false\n"));
        QSettings s(path, QSettings::IniFormat);
        TrainingSettings t;
        const QStringList notes = t.load(s);
        const TrainingSettings d;
        QCOMPARE(t.cell, d.cell);
        QCOMPARE(t.batchSize, d.batchSize);
        QCOMPARE(t.dropout, d.dropout);
        QCOMPARE(t.layers, 2);
        QVERIFY(!t.bidirectional);
        QCOMPARE(notes.size(), 3);
        QVERIFY(mentions(notes, QStringLiteral("training/cell")));
    }

    void theWindowStartsAndSaysSoOnce() {
        QStandardPaths::setTestModeEnabled(true);
        const QString path =
            writeIni(QStringLiteral("window.ini"),
                     QStringLiteral("[view]\nfontSize=@Variant(garbage)\nmode=sideways\n"
                                    "[models]\nfolder=%1\n")
                         .arg(dir_.filePath(QStringLiteral("no-models"))));
        dari::WindowOptions options;
        options.historyDb = dir_.filePath(QStringLiteral("history.sqlite"));
        options.settingsFile = path;
        options.dialogs = false;
        dari::MainWindow window(options);
        QVERIFY(window.lastError().contains(QStringLiteral("view/fontSize")));
        QCOMPARE(window.settings().fontSize, AppSettings().fontSize);
        QCOMPARE(window.mode(), dari::MainWindow::Mode::Translate);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }

    void everyLabelOfTheDialogHasItsField() {
        // A mnemonic on a label without a buddy shows as a literal "&".
        dari::SettingsDialog dialog{dari::AppSettings{}};
        int labels = 0;
        for (const QLabel* label : dialog.findChildren<QLabel*>()) {
            if (!label->text().contains(QLatin1Char('&'))) continue;
            ++labels;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
        QVERIFY(labels >= 5);
        auto* folder = dialog.findChild<QLineEdit*>(QStringLiteral("modelsFolder"));
        bool found = false;
        for (const QLabel* label : dialog.findChildren<QLabel*>())
            found = found || label->buddy() == folder;
        QVERIFY(found);
    }
};

QTEST_MAIN(TestAppSettings)
#include "test_app_settings.moc"
