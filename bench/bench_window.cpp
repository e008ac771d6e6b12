// The window's footprint and latency: resident memory with both default models
// loaded (goal <= 600 MiB), and the time from Enter in the input box to the reply
// bubble in the conversation model for short typical inputs (goal: median <= 100 ms).
// Runs the real MainWindow on the offscreen platform with its own settings and history.
//
//   bench_window [--models DIR] [--data ../shared/data] [--inputs 20] [--arenas N]

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "model/runtime.h"
#include "ui/chat/conversation_model.h"
#include "ui/chat/message_input.h"
#include "ui/main_window.h"
#include "ui/model_catalog.h"
#include "ui/process_memory.h"

using dari::MainWindow;

namespace {

struct Stage {
    QString name;
    dari::ProcessMemory memory;
};

struct Timing {
    QString name;
    std::vector<double> enterToBubble, engine;  // ms
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const double at = p * (v.size() - 1);
    const size_t lo = static_cast<size_t>(at);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (at - lo);
}

// The first column of a TSV file: `count` distinct short lines spread over the file.
QStringList sampleInputs(const QString& file, int count) {
    QFile f(file);
    QStringList all;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return all;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QString source = in.readLine().section(QLatin1Char('\t'), 0, 0).trimmed();
        if (!source.isEmpty() && source.size() <= 40 && !all.contains(source)) all << source;
    }
    QStringList picked;
    const int step = std::max<int>(1, all.size() / std::max(1, count + 1));
    for (int i = step; i < all.size() && picked.size() < count; i += step)
        picked << all.at(i);
    return picked;
}

// Presses Enter on `text` in the window's input; returns when the reply bubble is in
// the conversation model (no longer pending). Enter->bubble ms, engine ms; -1 on failure.
std::pair<double, double> sendAndTime(MainWindow& w, const QString& text) {
    auto* input = w.findChild<dari::MessageInput*>(QStringLiteral("input"));
    auto* conversation = w.conversation();
    input->setFocus();
    input->setPlainText(text);
    const int row = conversation->rowCount() + 1;  // user bubble, then the reply
    QEventLoop loop;
    QElapsedTimer clock;
    double ms = -1.0;
    const auto arrived = [&] {
        if (ms < 0 && row < conversation->rowCount() && !conversation->at(row).pending) {
            ms = clock.nsecsElapsed() / 1e6;
            loop.quit();
        }
    };
    auto c = QObject::connect(conversation, &QAbstractItemModel::dataChanged, &loop, arrived);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    clock.start();
    QTest::keyClick(input, Qt::Key_Return);
    arrived();
    if (ms < 0) loop.exec();
    QObject::disconnect(c);
    if (ms < 0 || conversation->at(row).sender != dari::Message::Sender::Dari) return {-1.0, -1.0};
    return {ms, conversation->at(row).ms};
}

Timing run(MainWindow& w, MainWindow::Mode mode, const QString& name, const QStringList& inputs) {
    w.setMode(mode);
    Timing t{name, {}, {}};
    for (const QString& text : inputs) {
        const auto [ms, engine] = sendAndTime(w, text);
        if (ms < 0) {
            std::fprintf(stderr, "bench_window: no reply to \"%s\" in %s mode: %s\n",
                         qPrintable(text), qPrintable(name), qPrintable(w.lastError()));
            continue;
        }
        t.enterToBubble.push_back(ms);
        t.engine.push_back(engine);
    }
    return t;
}

bool haveModel(const QList<dari::ModelInfo>& models, const QString& task, const QString& folder) {
    const dari::ModelInfo info = dari::ModelCatalog::defaultFor(models, task);
    if (!info.dir.isEmpty()) {
        std::printf("%-9s model: %s\n", qPrintable(task), qPrintable(info.dir));
        return true;
    }
    std::fprintf(stderr,
                 "bench_window: no %s model in %s (expected %s).\n"
                 "Train the default models with ./run.sh models, or pass --models DIR.\n",
                 qPrintable(task), qPrintable(folder),
                 task == QLatin1String("chat") ? "chat-ko" : "ko-en");
    return false;
}

void printMemory(const std::vector<Stage>& stages) {
    std::printf("\n%-44s %9s %9s %9s %9s\n", "resident memory (MiB)", "VmRSS", "VmHWM", "anon",
                "file");
    for (const Stage& s : stages)
        std::printf("  %-42s %9.1f %9.1f %9.1f %9.1f\n", qPrintable(s.name), s.memory.rssMiB,
                    s.memory.hwmMiB, s.memory.anonMiB, s.memory.fileMiB);
    const double rss = stages.back().memory.rssMiB;
    std::printf("  both models loaded, after the replies: %.0f MiB (goal <= 600 MiB: %s)\n", rss,
                rss <= 600 ? "met" : "MISSED");
}

void printTimings(const std::vector<Timing>& timings) {
    std::printf("\n%-22s %4s %9s %9s %9s %9s %14s\n", "Enter -> bubble (ms)", "n", "median", "p90",
                "min", "max", "engine median");
    std::vector<double> all;
    for (const Timing& t : timings) {
        const auto& v = t.enterToBubble;
        all.insert(all.end(), v.begin(), v.end());
        std::printf("  %-20s %4zu %9.1f %9.1f %9.1f %9.1f %14.1f\n", qPrintable(t.name), v.size(),
                    percentile(v, 0.5), percentile(v, 0.9),
                    v.empty() ? 0.0 : *std::min_element(v.begin(), v.end()),
                    v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()),
                    percentile(t.engine, 0.5));
    }
    std::printf("  %-20s %4zu %9.1f %9.1f   (goal: median <= 100 ms: %s)\n", "all", all.size(),
                percentile(all, 0.5), percentile(all, 0.9),
                percentile(all, 0.5) <= 100 ? "met" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QCommandLineParser parser;
    const QCommandLineOption modelsOpt(QStringLiteral("models"), QStringLiteral("Models folder."),
                                       QStringLiteral("dir"));
    const QCommandLineOption dataOpt(QStringLiteral("data"), QStringLiteral("Shared corpora."),
                                     QStringLiteral("dir"), QStringLiteral(DARI_DEFAULT_DATA));
    const QCommandLineOption inputsOpt(QStringLiteral("inputs"), QStringLiteral("Inputs per mode."),
                                       QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption arenasOpt(
        QStringLiteral("arenas"),
        QStringLiteral("malloc arenas (0: glibc's default, as dari-chat keeps it)."),
        QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({modelsOpt, dataOpt, inputsOpt, arenasOpt});
    parser.addHelpOption();
    {
        QStringList args;
        for (int i = 0; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        parser.process(args);  // before QApplication: the arena limit must come first
    }
    dari::limitMallocArenas(parser.value(arenasOpt).toInt());
    std::vector<Stage> stages{{QStringLiteral("process start"), dari::readProcessMemory()}};
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bench_window"));
    stages.push_back({QStringLiteral("QApplication"), dari::readProcessMemory()});

    const QString folder = dari::ModelCatalog::modelsFolder(parser.value(modelsOpt));
    const auto models = dari::ModelCatalog::scan(folder);
    const bool translate = haveModel(models, QStringLiteral("translate"), folder);
    if (!translate || !haveModel(models, QStringLiteral("chat"), folder)) return 1;
    const QString data = parser.value(dataOpt);
    const int count = std::max(1, parser.value(inputsOpt).toInt());
    const QStringList koEn =
        sampleInputs(data + QStringLiteral("/tatoeba-ko-en/dev.tsv"), count + 1);
    const QStringList chat = sampleInputs(data + QStringLiteral("/chatbot-ko/dev.tsv"), count + 1);
    if (koEn.size() < 2 || chat.size() < 2) {
        std::fprintf(
            stderr, "bench_window: cannot read inputs from %s/{tatoeba-ko-en,chatbot-ko}/dev.tsv\n",
            qPrintable(data));
        return 1;
    }

    QTemporaryDir tmp;
    {
        QSettings s(tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("models/folder"), folder);
    }
    dari::configureThreads(0);  // as dari-chat does
    dari::WindowOptions options;
    options.historyDb = tmp.filePath(QStringLiteral("history.sqlite"));
    options.settingsFile = tmp.filePath(QStringLiteral("settings.ini"));
    options.dialogs = false;
    MainWindow w(options);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        std::fprintf(stderr, "bench_window: the window was not exposed\n");
    stages.push_back({QStringLiteral("window shown (models loading)"), dari::readProcessMemory()});
    // The first input of each mode warms up (and proves the model loaded); not timed.
    run(w, MainWindow::Mode::Translate, QStringLiteral("warm-up"), koEn.mid(0, 1));
    run(w, MainWindow::Mode::Chat, QStringLiteral("warm-up"), chat.mid(0, 1));
    stages.push_back(
        {QStringLiteral("both models loaded, one reply each"), dari::readProcessMemory()});
    std::vector<Timing> timings;
    timings.push_back(
        run(w, MainWindow::Mode::Translate, QStringLiteral("translate (ko-en)"), koEn.mid(1)));
    timings.push_back(
        run(w, MainWindow::Mode::Chat, QStringLiteral("chat (chat-ko)"), chat.mid(1)));
    stages.push_back({QStringLiteral("after the timed replies"), dari::readProcessMemory()});

    std::printf(
        "malloc arenas: %s, threads: %s\n",
        parser.value(arenasOpt).toInt() > 0 ? qPrintable(parser.value(arenasOpt)) : "glibc default",
        qPrintable(qEnvironmentVariable("DARI_THREADS", QStringLiteral("default"))));
    printMemory(stages);
    printTimings(timings);
    return timings[0].enterToBubble.empty() || timings[1].enterToBubble.empty() ? 1 : 0;
}
