#include "ui/window_app.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <QIcon>
#include <QWidget>
#include <cstdlib>
#include <cstring>

#include "dari/version.h"
#include "model/runtime.h"
#include "ui/interface_language.h"

namespace dari {

void prepareApplication() {
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
}

void answerWithoutDisplay(int argc, char** argv,
                          const std::function<void(QCommandLineParser&)>& describe) {
    bool asked = false;
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"--help", "-h", "-?", "--help-all", "--version", "-v"})
            asked = asked || std::strcmp(argv[i], flag) == 0;
    if (!asked) return;
    QCoreApplication app(argc, argv);
    nameApplication();
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);  // prints, then exits
    std::exit(0);
}

void nameApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("dari-chat"));
    QCoreApplication::setOrganizationName(QStringLiteral("Dari"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DARI_VERSION));
}

void setUpApplication(const QString& settingsFile) {
    nameApplication();
    QGuiApplication::setDesktopFileName(kApplicationId);
    // The installed theme's icon, else the one built in (the source tree, a dpkg -x root).
    QApplication::setWindowIcon(QIcon::fromTheme(
        kApplicationId, QIcon(QStringLiteral(":/icons/%1.svg").arg(kApplicationId))));
    installInterfaceLanguage(storedInterfaceLanguage(settingsFile));
    configureThreads(0);
    warnIfSlowBlas();
}

QCommandLineOption screenshotOption() {
    return QCommandLineOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once it is shown, then quit."),
        QStringLiteral("file"));
}

bool saveScreenshot(QWidget& widget, const QString& file) {
    if (!widget.grab().save(file)) {
        qCritical("dari-chat: cannot write %s", qPrintable(file));
        return false;
    }
    return true;
}

}  // namespace dari
