// `dari-chat`: the desktop window.

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <functional>
#include <memory>

#include "app/training_demo.h"
#include "dari/version.h"
#include "model/runtime.h"
#include "ui/main_window.h"
#include "ui/process_memory.h"
#include "ui/reply_details.h"
#include "ui/training_controller.h"
#include "ui/training_dashboard.h"

namespace {

bool saveScreenshot(QWidget& window, const QString& file) {
    if (!window.grab().save(file)) {
        qCritical("dari-chat: cannot write %s", qPrintable(file));
        return false;
    }
    return true;
}

// --demo "line1|line2|/chat|line3": sends each line after the previous reply
// ("/chat" and "/translate" switch the mode), selects the last reply and shows its
// attention ("/alternatives" anywhere: its alternatives), then calls `done`.
void runDemo(dari::MainWindow& window, const QStringList& lines, std::function<void()> done) {
    auto next = std::make_shared<std::function<void()>>();
    auto index = std::make_shared<int>(0);
    const bool alternatives = lines.contains(QStringLiteral("/alternatives"));
    *next = [&window, lines, index, next, done, alternatives] {
        while (*index < lines.size()) {
            const QString line = lines.at((*index)++).trimmed();
            if (line == QLatin1String("/chat")) window.setMode(dari::MainWindow::Mode::Chat);
            else if (line == QLatin1String("/translate")) window.setMode(dari::MainWindow::Mode::Translate);
            else if (!line.isEmpty() && !line.startsWith(QLatin1Char('/'))) {
                const bool noModel = window.modelDir(window.mode()).isEmpty();
                window.sendMessage(line);
                if (!noModel) return;  // continue when the reply (or an error) arrives
            }
        }
        window.selectLastReply();
        if (alternatives) window.details()->showAlternativesTab();
        else window.details()->showAttentionTab();
        QTimer::singleShot(400, &window, done);
    };
    QObject::connect(&window, &dari::MainWindow::replyShown, &window, [next] { QTimer::singleShot(0, *next); });
    QObject::connect(&window, &dari::MainWindow::errorShown, &window, [next] { QTimer::singleShot(0, *next); });
    QTimer::singleShot(300, &window, *next);
}

}  // namespace

int main(int argc, char** argv) {
    dari::limitMallocArenas(dari::kWindowMallocArenas);  // before any thread starts
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
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
    QCommandLineOption demo(QStringLiteral("demo"),
                            QApplication::translate("main", "Send these '|'-separated lines first."),
                            QStringLiteral("lines"));
    demo.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(demo);
    QCommandLineOption trainDemo(QStringLiteral("train-demo"),
                                 QApplication::translate("main", "Train briefly on this corpus; --screenshot "
                                                                 "saves the training dashboard."),
                                 QStringLiteral("corpus"));
    trainDemo.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(trainDemo);
    parser.process(app);

    dari::configureThreads(0);
    dari::warnIfSlowBlas();
    dari::MainWindow window;
    window.show();
    auto finish = [&] {
        if (!parser.isSet(screenshot)) return;
        QApplication::exit(saveScreenshot(window, parser.value(screenshot)) ? 0 : 1);
    };
    if (parser.isSet(trainDemo)) {
        dari::runTrainingDemo(window, parser.value(trainDemo), 10, [&] {
            if (!parser.isSet(screenshot)) return;
            const bool saved = saveScreenshot(*window.trainingDashboard(), parser.value(screenshot));
            // Exit once the child has written its checkpoint (or at once if it is gone).
            auto* controller = window.trainingDashboard()->controller();
            QObject::connect(controller, &dari::TrainingController::stateChanged, &window,
                             [controller, saved] { if (!controller->isRunning()) QApplication::exit(saved ? 0 : 1); });
            if (!controller->isRunning()) QApplication::exit(saved ? 0 : 1);
        });
        if (parser.isSet(screenshot)) QTimer::singleShot(300000, &window, [] { QApplication::exit(1); });
    } else if (parser.isSet(demo)) {
        runDemo(window, parser.value(demo).split(QLatin1Char('|')), finish);
        if (parser.isSet(screenshot)) QTimer::singleShot(120000, &window, finish);  // never hang
    } else if (parser.isSet(screenshot)) {
        QTimer::singleShot(300, &window, finish);
    }
    return app.exec();
}
