// `dari-chat-demo`: the window driven by a script, for screenshots of a conversation
// (--demo) or of the training dashboard (--train-demo). Not installed.

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QPalette>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTimer>

#include <memory>

#include "model/blas_kernels.h"
#include "ui/chat/chat_demo.h"
#include "ui/learn/bottleneck_view.h"
#include "ui/learn/cell_comparison.h"
#include "ui/learn/learn_window.h"
#include "ui/main_window.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_dashboard.h"
#include "ui/training/training_demo.h"
#include "ui/window_app.h"

namespace {

// Once the dashboard is grabbed: exit when the child has written its checkpoint (or at once if it
// is gone).
void exitAfterTraining(dari::MainWindow& window, bool saved) {
    auto* controller = window.trainingDashboard()->controller();
    QObject::connect(controller, &dari::TrainingController::stateChanged, &window,
                     [controller, saved] {
                         if (!controller->isRunning()) QApplication::exit(saved ? 0 : 1);
                     });
    if (!controller->isRunning()) QApplication::exit(saved ? 0 : 1);
}

// Colours of a typical dark desktop theme.
void useDarkPalette() {
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette p;
    const QColor window(0x2a, 0x2e, 0x32), base(0x1b, 0x1e, 0x20), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0x0f, 0x11, 0x12));
    p.setColor(QPalette::Link, QColor(0x5c, 0xb8, 0xf0));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x95, 0x9a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x75, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x75, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x75, 0x7a));
    QApplication::setPalette(p);
}

}  // namespace

int main(int argc, char** argv) {
    dari::restartWithBetterBlas(argv);  // before anything else: model/blas_kernels.h
    dari::prepareApplication();
    QApplication app(argc, argv);
    dari::setUpApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("dari-chat driven by a script, for screenshots."));
    parser.addHelpOption();
    const QCommandLineOption screenshot = dari::screenshotOption();
    parser.addOption(screenshot);
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Send these '|'-separated lines first."),
                                  QStringLiteral("lines"));
    parser.addOption(demo);
    const QCommandLineOption trainDemo(
        QStringLiteral("train-demo"),
        QStringLiteral("Train briefly on these corpora (A.tsv,B.tsv:0.5: mixed by weight, each "
                       "with the dev.tsv beside it); --screenshot saves the training dashboard."),
        QStringLiteral("corpora"));
    parser.addOption(trainDemo);
    const QCommandLineOption wizardDemo(
        QStringLiteral("wizard-demo"),
        QStringLiteral("Open the Import corpus wizard on these corpora (as --train-demo); "
                       "--screenshot saves its report page once checked."),
        QStringLiteral("corpora"));
    parser.addOption(wizardDemo);
    const QCommandLineOption minuteDemo(
        QStringLiteral("minute-demo"),
        QStringLiteral("Train one minute on this corpus with the wizard's defaults; --screenshot "
                       "FILE.png saves FILE-start.png, FILE-middle.png and FILE-end.png."),
        QStringLiteral("corpus"));
    parser.addOption(minuteDemo);
    const QCommandLineOption about(QStringLiteral("about"),
                                   QStringLiteral("Open Help > About Dari on this tab (0-2); "
                                                  "--screenshot saves the dialog."),
                                   QStringLiteral("tab"));
    parser.addOption(about);
    const QCommandLineOption manage(QStringLiteral("manage-models"),
                                    QStringLiteral("Open File > Manage models; --screenshot saves "
                                                   "the dialog."));
    parser.addOption(manage);
    const QCommandLineOption import(QStringLiteral("import-model"),
                                    QStringLiteral("Open File > Import model with this file; "
                                                   "--screenshot saves the dialog."),
                                    QStringLiteral("file"));
    parser.addOption(import);
    const QCommandLineOption learn(QStringLiteral("learn"),
                                   QStringLiteral("Open Learn on the Translate model with this "
                                                  "sentence; --screenshot saves FILE-unrolled.png, "
                                                  "FILE-gates.png, FILE-gradients.png and, "
                                                  "measured, FILE-bottleneck.png."),
                                   QStringLiteral("sentence"));
    parser.addOption(learn);
    const QCommandLineOption learnModel(QStringLiteral("learn-model"),
                                        QStringLiteral("With --learn: inspect this model folder "
                                                       "(a classifier too; its view: "
                                                       "FILE-decision.png)."),
                                        QStringLiteral("dir"));
    parser.addOption(learnModel);
    const QCommandLineOption learnTiny(QStringLiteral("learn-tiny"),
                                       QStringLiteral("With --learn: train the six tiny networks "
                                                      "first if they are missing, and save their "
                                                      "comparison as FILE-tiny.png."));
    parser.addOption(learnTiny);
    const QCommandLineOption dark(QStringLiteral("dark"),
                                  QStringLiteral("A dark palette (Fusion), as a dark desktop "
                                                 "theme gives."));
    parser.addOption(dark);
    parser.process(app);
    if (parser.isSet(dark)) useDarkPalette();

    dari::MainWindow window;
    window.show();
    const bool shoot = parser.isSet(screenshot);
    const QString file = parser.value(screenshot);
    if (parser.isSet(about) || parser.isSet(manage) || parser.isSet(import)) {
        QString name = QStringLiteral("about");
        if (parser.isSet(about)) {
            window.showAbout();
        } else if (parser.isSet(manage)) {
            window.manageModels();
            name = QStringLiteral("modelManager");
        } else {
            window.importModel(parser.value(import));
            name = QStringLiteral("importModel");
        }
        auto* dialog = window.findChild<QDialog*>(name);
        if (auto* tabs = dialog ? dialog->findChild<QTabWidget*>() : nullptr)
            tabs->setCurrentIndex(parser.value(about).toInt());
        QTimer::singleShot(300, &window, [&, dialog] {
            QApplication::exit(!shoot || (dialog && dari::saveScreenshot(*dialog, file)) ? 0 : 1);
        });
    } else if (parser.isSet(learn)) {
        dari::LearnWindow* learnWindow = window.openLearn();
        if (parser.isSet(learnModel)) learnWindow->chooseModel(parser.value(learnModel));
        learnWindow->setText(parser.value(learn));
        QObject::connect(learnWindow, &dari::LearnWindow::failed, [] { QApplication::exit(1); });
        auto shot = [&, learnWindow](int tab, const char* name) {
            QString base = file;
            base.replace(QRegularExpression(QStringLiteral("\\.png$")), QString());
            learnWindow->views()->setCurrentIndex(tab);
            return dari::saveScreenshot(
                *learnWindow,
                base + QLatin1Char('-') + QLatin1String(name) + QStringLiteral(".png"));
        };
        // Tab order: unrolled, gates, gradients, bottleneck (measured last), decision.
        QObject::connect(learnWindow, &dari::LearnWindow::inspected, [&, learnWindow, shot] {
            bool ok = true;
            const std::pair<int, const char*> views[] = {
                {0, "unrolled"}, {1, "gates"}, {2, "gradients"}, {4, "decision"}};
            for (const auto& [tab, name] : views)
                if (shoot && learnWindow->views()->isTabVisible(tab)) ok = shot(tab, name) && ok;
            if (!ok || !shoot) QApplication::exit(ok ? 0 : 1);
            if (parser.isSet(learnTiny)) {
                dari::CellComparison* cells = learnWindow->cellComparison();
                QObject::connect(cells, &dari::CellComparison::compared, [&, cells] {
                    QTimer::singleShot(300, cells, [&, cells] {  // the layout settles
                        QString base = file;
                        base.replace(QRegularExpression(QStringLiteral("\\.png$")), QString());
                        const bool saved =
                            dari::saveScreenshot(*cells, base + QStringLiteral("-tiny.png"));
                        QApplication::exit(saved ? 0 : 1);
                    });
                });
                if (cells->trainedDirs().size() < 6) cells->train();
                return;
            }
            learnWindow->views()->setCurrentIndex(3);
            learnWindow->bottleneckView()->measure();
        });
        QObject::connect(learnWindow->bottleneckView(), &dari::BottleneckView::measured,
                         [&window, shot] {
                             QTimer::singleShot(300, &window, [shot] {  // the layout settles
                                 QApplication::exit(shot(3, "bottleneck") ? 0 : 1);
                             });
                         });
        learnWindow->inspectNow();
        QTimer::singleShot(120000, &window, [] { QApplication::exit(1); });  // never hang
    } else if (parser.isSet(minuteDemo)) {
        QString base = file;
        base.replace(QRegularExpression(QStringLiteral("\\.png$")), QString());
        auto ok = std::make_shared<bool>(true);
        dari::runMinuteTrainingDemo(
            window, parser.value(minuteDemo),
            [&window, base, ok](const QString& stage) {
                if (!base.isEmpty())
                    *ok = dari::saveScreenshot(
                              *window.trainingDashboard(),
                              base + QLatin1Char('-') + stage + QStringLiteral(".png")) &&
                          *ok;
            },
            [ok] { QApplication::exit(*ok ? 0 : 1); });
        QTimer::singleShot(240000, &window, [] { QApplication::exit(1); });  // never hang
    } else if (parser.isSet(wizardDemo)) {
        dari::runWizardDemo(window, parser.value(wizardDemo), [&](QWidget& wizard) {
            QApplication::exit(!shoot || dari::saveScreenshot(wizard, file) ? 0 : 1);
        });
        QTimer::singleShot(120000, &window, [] { QApplication::exit(1); });  // never hang
    } else if (parser.isSet(trainDemo)) {
        dari::runTrainingDemo(window, parser.value(trainDemo), 10, [&] {
            if (shoot)
                exitAfterTraining(window, dari::saveScreenshot(*window.trainingDashboard(), file));
        });
        if (shoot)
            QTimer::singleShot(300000, &window, [] { QApplication::exit(1); });  // never hang
    } else {
        const auto finish = [&] {
            if (shoot) QApplication::exit(dari::saveScreenshot(window, file) ? 0 : 1);
        };
        dari::runChatDemo(window, parser.value(demo).split(QLatin1Char('|'), Qt::SkipEmptyParts),
                          finish);
        if (shoot) QTimer::singleShot(120000, &window, finish);  // never hang
    }
    return app.exec();
}
