// `dari-chat`: the desktop window.

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "model/blas_kernels.h"
#include "ui/main_window.h"
#include "ui/window_app.h"

namespace {

void describe(QCommandLineParser& parser, const QCommandLineOption& screenshot) {
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Korean to English translation and chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(screenshot);
}

}  // namespace

int main(int argc, char** argv) {
    dari::restartWithBetterBlas(argv);  // before anything else: model/blas_kernels.h
    dari::prepareApplication();
    const QCommandLineOption screenshot = dari::screenshotOption();
    dari::answerWithoutDisplay(argc, argv,
                               [&](QCommandLineParser& parser) { describe(parser, screenshot); });
    QApplication app(argc, argv);
    dari::setUpApplication();

    QCommandLineParser parser;
    describe(parser, screenshot);
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
