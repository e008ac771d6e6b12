#include "ui/window_app.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QWidget>

#include "dari/version.h"
#include "model/runtime.h"

namespace dari {

void prepareApplication() {
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
}

void setUpApplication() {
    QApplication::setApplicationName(QStringLiteral("dari-chat"));
    QApplication::setOrganizationName(QStringLiteral("Dari"));
    QApplication::setApplicationVersion(QStringLiteral(DARI_VERSION));
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
