// The window opens without any model, says so and tells how to get one.

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/chat/conversation_model.h"
#include "ui/main_window.h"

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
        dari::WindowOptions options;
        options.historyDb = dir.filePath(QStringLiteral("history.sqlite"));
        options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        options.dialogs = false;
        dari::MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* label = window.findChild<QLabel*>(QStringLiteral("placeholder"));
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(QStringLiteral("No model")));
        QVERIFY(label->text().contains(QStringLiteral("./run.sh models")));
        QVERIFY(window.width() >= 600);
        auto* picker = window.findChild<QComboBox*>(QStringLiteral("modelPicker"));
        QVERIFY(picker->findText(QStringLiteral("Open model…")) >= 0);
        // Sending without a model explains instead of crashing.
        window.sendMessage(QStringLiteral("안녕하세요"));
        QCOMPARE(window.conversation()->rowCount(), 2);
        QCOMPARE(window.conversation()->at(1).sender, dari::Message::Sender::Notice);
        QVERIFY(!window.busy());
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
