// `dari-chat`: the desktop window.

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "dari/version.h"
#include "model/runtime.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dari-chat"));
    QApplication::setOrganizationName(QStringLiteral("Dari"));
    QApplication::setApplicationVersion(QStringLiteral(DARI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Korean to English translation and chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once it is shown, then quit."),
        QStringLiteral("file"));
    parser.addOption(screenshot);
    parser.process(app);

    dari::configureThreads(0);
    dari::warnIfSlowBlas();
    dari::MainWindow window;
    window.show();
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(300, &window, [&] {
            const QString file = parser.value(screenshot);
            if (!window.grab().save(file)) {
                qCritical("dari-chat: cannot write %s", qPrintable(file));
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
    }
    return app.exec();
}
