// `dari-chat`: the desktop window.

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "ui/main_window.h"
#include "ui/window_app.h"

int main(int argc, char** argv) {
    dari::prepareApplication();
    QApplication app(argc, argv);
    dari::setUpApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Korean to English translation and chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot = dari::screenshotOption();
    parser.addOption(screenshot);
    parser.process(app);

    dari::MainWindow window;
    window.show();
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(300, &window, [&] {
            QApplication::exit(dari::saveScreenshot(window, parser.value(screenshot)) ? 0 : 1);
        });
    }
    return app.exec();
}
