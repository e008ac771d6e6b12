// The window opens and shows the no-model guidance.

#include <QLabel>
#include <QtTest>

#include "ui/main_window.h"

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithoutModels() {
        dari::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* label = window.findChild<QLabel*>(QStringLiteral("placeholder"));
        QVERIFY(label);
        QVERIFY(label->text().contains(QStringLiteral("No model")));
        QVERIFY(window.width() >= 600);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
