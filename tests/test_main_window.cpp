// The window opens without any model, says so and tells how to get one.

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/about_dialog.h"
#include "ui/chat/conversation_model.h"
#include "ui/main_window.h"
#include "ui/palette_colors.h"
#include "ui/shortcuts_dialog.h"
#include "ui/training/default_model_plan.h"
#include "ui/welcome_page.h"

#include <QWizard>

namespace {

// A window's history and settings in `dir`; `dialogs`: message boxes open (window-modal).
dari::WindowOptions optionsIn(const QTemporaryDir& dir, bool dialogs) {
    dari::WindowOptions options;
    options.historyDb = dir.filePath(QStringLiteral("history.sqlite"));
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    options.dialogs = dialogs;
    return options;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithoutModels() {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QSettings s(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("models/folder"),
                       dir.filePath(QStringLiteral("empty-models")));
        }
        const dari::WindowOptions options = optionsIn(dir, false);
        dari::MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* welcome = window.findChild<dari::WelcomePage*>(QStringLiteral("placeholder"));
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        QVERIFY2(welcome->text().contains(QStringLiteral("No model for Translate mode")),
                 qPrintable(welcome->text()));
        QVERIFY(welcome->text().contains(QStringLiteral("./run.sh models")));
        // Where it looked, and where the default models' data comes from, with its licence.
        QVERIFY(welcome->text().contains(dir.filePath(QStringLiteral("empty-models"))));
        QVERIFY(welcome->text().contains(QStringLiteral("CC-BY-2.0-FR")));
        // Its buttons lead to the import and the training wizard.
        welcome->findChild<QPushButton*>(QStringLiteral("welcomeTrain"))->click();
        QTRY_VERIFY(window.findChild<QWizard*>());
        window.findChild<QWizard*>()->reject();
        QVERIFY(window.width() >= 600);
        auto* picker = window.findChild<QComboBox*>(QStringLiteral("modelPicker"));
        QVERIFY(picker->findText(QStringLiteral("Open model…")) >= 0);
        // Sending without a model explains instead of crashing.
        window.sendMessage(QStringLiteral("안녕하세요"));
        QCOMPARE(window.conversation()->rowCount(), 2);
        QCOMPARE(window.conversation()->at(1).sender, dari::Message::Sender::Notice);
        QVERIFY(!window.busy());
    }

    void titlePlaceholderAndLayoutFollowTheUser() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const dari::WindowOptions options = optionsIn(dir, false);
        QByteArray splitterState;
        {
            dari::MainWindow window(options);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            // One direction, said in the title; the empty input's hint follows the mode.
            QVERIFY(!window.windowTitle().contains(QStringLiteral("⇄")));
            QVERIFY(window.windowTitle().contains(QStringLiteral("Korean → English")));
            auto* input = window.findChild<QPlainTextEdit*>(QStringLiteral("input"));
            QVERIFY(input->placeholderText().contains(QStringLiteral("translate")));
            window.setMode(dari::MainWindow::Mode::Chat);
            QVERIFY(input->placeholderText().contains(QStringLiteral("Talk to Dari")));
            QVERIFY(window.windowTitle().contains(QStringLiteral("chat")));
            QVERIFY(window.minimumWidth() >= 640 && window.minimumHeight() >= 480);
            window.resize(900, 640);
            window.move(40, 30);
            auto* splitter = window.findChild<QSplitter*>(QStringLiteral("splitter"));
            splitter->setSizes({300, 500});
            splitterState = splitter->saveState();
            window.close();
        }
        dari::MainWindow again(options);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(900, 640));
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("splitter"))->saveState(),
                 splitterState);
        QCOMPARE(again.mode(), dari::MainWindow::Mode::Chat);
    }

    void helpListsShortcutsAndNothingToContinueIsNoWarning() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const dari::WindowOptions options = optionsIn(dir, true);
        {
            QSettings s(options.settingsFile, QSettings::IniFormat);
            s.setValue(QStringLiteral("models/folder"), dir.filePath(QStringLiteral("models")));
        }
        dari::MainWindow window(options);  // with dialogs: they open window-modal, not blocking
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto rows = dari::ShortcutsDialog::rows(window.findChildren<QAction*>());
        const auto keysOf = [&](const QString& what) {
            for (const QStringList& row : rows)
                if (row.first().startsWith(what)) return row.last();
            return QString();
        };
        QCOMPARE(keysOf(QStringLiteral("Translate 한")),
                 QKeySequence(QStringLiteral("Ctrl+1")).toString(QKeySequence::NativeText));
        QVERIFY(!keysOf(QStringLiteral("Find in history")).isEmpty());
        QVERIFY(!keysOf(QStringLiteral("Send")).isEmpty());
        for (const QStringList& row : rows)
            QVERIFY2(!row.first().contains(QLatin1Char('&')), qPrintable(row.first()));
        window.showShortcuts();
        QVERIFY(window.findChild<dari::ShortcutsDialog*>());
        window.showAbout();
        auto* about = window.findChild<dari::AboutDialog*>(QStringLiteral("about"));
        QVERIFY(about);
        QVERIFY(dari::AboutDialog::componentsHtml().contains(QStringLiteral("LibTorch")));
        QVERIFY(dari::AboutDialog::componentsHtml().contains(QStringLiteral("BLAS")));
        // The default models' data, with its licence and whom to credit.
        const QString credits = dari::AboutDialog::creditsHtml();
        QVERIFY(credits.contains(QStringLiteral("CC-BY-2.0-FR")));
        QVERIFY(credits.contains(QStringLiteral("tatoeba.org")));
        QVERIFY(credits.contains(QStringLiteral("Youngsook Song")));
        QVERIFY(dari::AboutDialog::aboutHtml().contains(QStringLiteral("MIT")));
        about->close();

        window.continueTraining();  // no interrupted run: information, not a warning
        QMessageBox* box = nullptr;
        for (QMessageBox* b : window.findChildren<QMessageBox*>())
            if (b->text().contains(QStringLiteral("No interrupted training run"))) box = b;
        QVERIFY(box);
        QCOMPARE(box->icon(), QMessageBox::Information);
        QVERIFY(window.lastError().isEmpty());
    }

    // The welcome page's default model: ./run.sh's recipe on its public corpus, found in
    // DARI_DATA; a missing corpus is said with where it comes from.
    void defaultModelPlanUsesTheRecipe() {
        QTemporaryDir dir;
        const QString configs = dir.filePath(QStringLiteral("share/dari/configs"));
        QVERIFY(QDir().mkpath(configs));
        QVERIFY(QFile::copy(QStringLiteral(DARI_SOURCE_DIR "/configs/ko-en.yaml"),
                            configs + QStringLiteral("/ko-en.yaml")));
        qputenv("XDG_DATA_DIRS", dir.filePath(QStringLiteral("share")).toUtf8());
        QCOMPARE(dari::findRecipe(QStringLiteral("ko-en")),
                 configs + QStringLiteral("/ko-en.yaml"));
        QVERIFY(dari::findRecipe(QStringLiteral("chat-ko")).isEmpty());

        // The recipe trains on several corpora: one missing is named, with where it comes from.
        const QString data = dir.filePath(QStringLiteral("data"));
        const auto addCorpus = [&](const QString& folder) {
            QVERIFY(QDir().mkpath(data + QLatin1Char('/') + folder));
            for (const char* split : {"train.tsv", "dev.tsv"})
                QVERIFY(QFile::copy(
                    QStringLiteral(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv"),
                    data + QLatin1Char('/') + folder + QLatin1Char('/') + QLatin1String(split)));
        };
        addCorpus(QStringLiteral("tatoeba-ko-en"));
        qputenv("DARI_DATA", data.toUtf8());
        QCOMPARE(dari::findCorporaFolder(QString()), data);
        const dari::DefaultModel model = dari::defaultModelFor(QStringLiteral("translate"));
        dari::TrainingPlan plan;
        QString error;
        const QString models = dir.filePath(QStringLiteral("models"));
        const QStringList corpora = dari::recipeCorpora(configs + QStringLiteral("/ko-en.yaml"));
        QVERIFY2(corpora.size() >= 4 && corpora.contains(QStringLiteral("korsts-ko-en")),
                 qPrintable(corpora.join(QLatin1Char(' '))));
        QVERIFY(!dari::defaultModelPlan(model, data, models, &plan, &error));
        QVERIFY2(error.contains(corpora.at(1)) && error.contains(QStringLiteral("https://")),
                 qPrintable(error));
        for (const QString& folder : corpora)
            if (folder != QLatin1String("tatoeba-ko-en")) addCorpus(folder);
        QVERIFY2(dari::defaultModelPlan(model, data, models, &plan, &error), qPrintable(error));
        QStringList args;
        QVERIFY(plan.arguments(&args, &error));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--config")) + 1),
                 configs + QStringLiteral("/ko-en.yaml"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--data-dir")) + 1), data);
        QVERIFY(!args.contains(QStringLiteral("--train")));  // the recipe's data.corpora
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--out")) + 1),
                 models + QStringLiteral("/ko-en"));
        QVERIFY(!args.contains(QStringLiteral("--epochs")));  // the recipe's own budget

        const dari::DefaultModel chat = dari::defaultModelFor(QStringLiteral("chat"));
        QCOMPARE(chat.name, QStringLiteral("chat-ko"));
        QVERIFY(!dari::defaultModelPlan(chat, data, models, &plan, &error));
        QVERIFY2(error.contains(QStringLiteral("chat-ko.yaml")), qPrintable(error));
        QFile::copy(QStringLiteral(DARI_SOURCE_DIR "/configs/chat-ko.yaml"),
                    configs + QStringLiteral("/chat-ko.yaml"));
        QVERIFY(!dari::defaultModelPlan(chat, data, models, &plan, &error));
        QVERIFY2(error.contains(QStringLiteral("chatbot-ko")) &&
                     error.contains(QStringLiteral("github.com/songys")),
                 qPrintable(error));
        qunsetenv("DARI_DATA");
    }

    // View ▸ Zoom: the conversation's text grows and shrinks within the settings' range, is
    // kept, and Ctrl+0 restores it.
    void zoomChangesTheConversationText() {
        QTemporaryDir dir;
        dari::MainWindow window(optionsIn(dir, false));
        auto* conversation = window.findChild<QListView*>(QStringLiteral("conversation"));
        const int start = conversation->font().pointSize();
        window.zoom(2);
        QCOMPARE(conversation->font().pointSize(), start + 2);
        for (int i = 0; i < 100; ++i)
            window.zoom(1);
        QCOMPARE(conversation->font().pointSize(), dari::AppSettings::kMaxFontSize);
        QSettings stored(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        QCOMPARE(stored.value(QStringLiteral("view/fontSize")).toInt(),
                 dari::AppSettings::kMaxFontSize);
        window.zoom(0);
        QCOMPARE(conversation->font().pointSize(), dari::AppSettings().fontSize);
    }

    // Under a dark palette the window is dark too: nothing paints a fixed light background.
    void darkPaletteGivesADarkWindow() {
        QTemporaryDir dir;
        {
            QSettings s(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("models/folder"), dir.filePath(QStringLiteral("none")));
        }
        const QPalette before = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        QApplication::setPalette(dark);
        QVERIFY(dari::isDarkPalette(dark));
        QVERIFY(!dari::isDarkPalette(before));
        {
            dari::MainWindow window(optionsIn(dir, false));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* welcome = window.findChild<dari::WelcomePage*>(QStringLiteral("placeholder"));
            QVERIFY(welcome->isVisible());
            const QImage shot = welcome->grab().toImage();
            int light = 0, pixels = 0;
            for (int y = 0; y < shot.height(); y += 4)
                for (int x = 0; x < shot.width(); x += 4, ++pixels)
                    light += QColor(shot.pixel(x, y)).lightness() > 160;
            // Text is light; the background is not.
            QVERIFY2(light < pixels / 4,
                     qPrintable(QStringLiteral("%1 of %2 light").arg(light).arg(pixels)));
            // Error text stays readable: far from the window's own lightness.
            QVERIFY(std::abs(dari::errorTextColor(dark).lightness() -
                             dark.color(QPalette::Window).lightness()) > 60);
        }
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
