// Fuzz target: the conversation history (SQLite) as the window finds it on disk. Each
// input is the history file; the store must open it — or move it aside and start a new
// one — then read, add, search and export without crashing.

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>

#include "fuzz_support.h"
#include "ui/chat/history_store.h"

namespace {

QCoreApplication& application() {
    static int argc = 1;
    static char name[] = "fuzz_history";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

// A reply with everything the window stores: alternatives, scores, attention.
dari::Message reply() {
    dari::Message m;
    m.sender = dari::Message::Sender::Dari;
    m.mode = QStringLiteral("translate");
    m.text = QStringLiteral("Hello.");
    m.time = QDateTime::currentDateTime();
    m.model = QStringLiteral("ko-en");
    m.ms = 12.5;
    dari::SentenceDetail d;
    d.source = QStringLiteral("안녕");
    d.nbest = {QStringLiteral("Hello."), QStringLiteral("Hi.")};
    d.scores = {-0.5, -0.9};
    d.sourcePieces = {QStringLiteral("▁안녕"), QStringLiteral("</s>")};
    d.outputPieces = {QStringLiteral("▁Hello"), QStringLiteral(".")};
    d.rows = d.cols = 2;
    d.attention = {0.9f, 0.1f, 0.2f, 0.8f};
    m.sentences = {d};
    return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    application();
    const QString dir = QString::fromStdString(fuzz::scratch() + "/history");
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/history.sqlite");
    fuzz::writeFile(path.toStdString(), data, size);
    {
        dari::HistoryStore store(path);
        if (!store.isOpen()) {
            std::fprintf(stderr, "fuzz: the history did not open: %s\n",
                         qPrintable(store.lastError()));
            std::abort();  // a new one is started whatever the old file held
        }
        const QList<dari::Message> before = store.all();
        dari::Message m;
        m.sender = dari::Message::Sender::User;
        m.mode = QStringLiteral("translate");
        m.text = QStringLiteral("안녕");
        m.time = QDateTime::currentDateTime();
        if (store.add(m) == 0) {
            std::fprintf(stderr, "fuzz: a message could not be added: %s\n",
                         qPrintable(store.lastError()));
            std::abort();  // a history that opened must take new messages
        }
        if (store.all().size() != before.size() + 1) std::abort();
        (void)store.search(QStringLiteral("안"));
        (void)store.exportTsv(dir + QStringLiteral("/out.tsv"));
        (void)store.exportMarkdown(dir + QStringLiteral("/out.md"));
        if (std::getenv("DARI_FUZZ_WRITE_SEEDS")) store.add(reply());
    }
    // DARI_FUZZ_WRITE_SEEDS=DIR: the history this input became, as a seed.
    if (const char* seeds = std::getenv("DARI_FUZZ_WRITE_SEEDS"))
        QFile::copy(path,
                    QString::fromLocal8Bit(seeds) + QStringLiteral("/history-%1.sqlite").arg(size));
    return 0;
}
