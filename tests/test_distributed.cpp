// Distributed training on loopback (model/training/distributed.h, app/train_launcher.h):
// 2 processes x 1 thread train the same model as 1 process x 2 shards, a distributed run
// resumes, and every fault ends in bounded time with one message: a rank killed, a rank
// with another corpus (launched as Slurm would, by torchrun's variables), a port in use.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <map>

namespace {

struct Run {
    int code = -1;
    QString out, err;
    qint64 ms = 0;
};

QProcessEnvironment environment(const std::map<QString, QString>& extra) {
    auto env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"})
        env.remove(name);
    for (const auto& [key, value] : extra)
        env.insert(key, value);
    return env;
}

void start(QProcess& process, const QStringList& args, const std::map<QString, QString>& env = {}) {
    process.setProcessEnvironment(environment(env));
    process.start(QStringLiteral(DARI_BINARY_DIR "/bin/dari"), args);
    process.waitForStarted();
}

Run finish(QProcess& process, const QElapsedTimer& clock) {
    process.waitForFinished(240000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()), clock.elapsed()};
}

Run runDari(const QStringList& args, const std::map<QString, QString>& env = {}) {
    QElapsedTimer clock;
    clock.start();
    QProcess process;
    start(process, args, env);
    return finish(process, clock);
}

// The first `count` pairs of the shared training corpus.
QByteArray sharedPairs(int count) {
    QFile file(QStringLiteral(DARI_SHARED_DATA "/tatoeba-ko-en/train.tsv"));
    file.open(QIODevice::ReadOnly);
    QByteArray out;
    for (int i = 0; i < count && !file.atEnd(); ++i)
        out += file.readLine();
    return out;
}

// Dropout and word dropout on: the ranks must draw the same random numbers as one process.
QStringList tinyModel() {
    return {"--embedding",
            "24",
            "--hidden",
            "24",
            "--batch-size",
            "24",
            "--validate-every",
            "25",
            "--epochs",
            "50",
            "--set",
            "train.log_every=5",
            "--set",
            "train.word_dropout=0.1"};
}

// step -> train_loss of a run's train events.
std::map<int, double> trainLosses(const QString& dir) {
    std::map<int, double> losses;
    QFile file(dir + "/train_log.jsonl");
    file.open(QIODevice::ReadOnly);
    while (!file.atEnd()) {
        const auto event = QJsonDocument::fromJson(file.readLine()).object();
        if (event.value("event").toString() == "train")
            losses[event.value("step").toInt()] = event.value("train_loss").toDouble();
    }
    return losses;
}

// The largest relative difference of two loss curves over the steps both have.
double largestDifference(const std::map<int, double>& a, const std::map<int, double>& b,
                         int* compared) {
    double worst = 0;
    *compared = 0;
    for (const auto& [step, loss] : a) {
        const auto other = b.find(step);
        if (other == b.end()) continue;
        ++*compared;
        worst = std::max(worst, std::abs(loss - other->second) / std::abs(loss));
    }
    return worst;
}

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// The pid of the worker of `rank` among the children of `parent` (from /proc).
pid_t workerOfRank(qint64 parent, int rank) {
    for (const auto& entry : QDir("/proc").entryList(QDir::Dirs)) {
        bool number = false;
        const int pid = entry.toInt(&number);
        if (!number) continue;
        QFile stat("/proc/" + entry + "/stat");
        if (!stat.open(QIODevice::ReadOnly)) continue;
        const auto fields = QString::fromUtf8(stat.readAll()).section(')', 1).split(' ');
        if (fields.size() < 3 || fields[2].toLongLong() != parent) continue;
        QFile environ("/proc/" + entry + "/environ");
        if (!environ.open(QIODevice::ReadOnly)) continue;
        if (environ.readAll().split('\0').contains("RANK=" + QByteArray::number(rank))) return pid;
    }
    return 0;
}

}  // namespace

class TestDistributed : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString corpus_, vocab_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // A 2-process run into `out` that checkpoints every second, started under `supervisor`;
    // once its first checkpoint is written, the pid of its rank 1 (0: none came).
    pid_t startUntilCheckpoint(QProcess& supervisor, const QString& out, const QStringList& extra) {
        QElapsedTimer clock;
        clock.start();
        start(supervisor,
              QStringList{"train", "--train", corpus_, "--vocab-from", vocab_, "--out", path(out),
                          "--nproc", "2", "--threads", "1", "--set", "train.checkpoint_seconds=1"} +
                  extra + tinyModel());
        while (!QFile::exists(path(out + "/checkpoint.pt")) && clock.elapsed() < 120000)
            QTest::qWait(100);
        return QFile::exists(path(out + "/checkpoint.pt")) ? workerOfRank(supervisor.processId(), 1)
                                                           : 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        corpus_ = path("train.tsv");
        QFile file(corpus_);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sharedPairs(400));
        file.close();
        // The vocabularies, once: both runs below start from the same ones.
        const Run run = runDari(QStringList{"train", "--train", corpus_, "--out", path("vocab"),
                                            "--vocab-size", "600", "--stop-after-steps", "1"} +
                                tinyModel());
        QVERIFY2(run.code == 3, qPrintable(run.err));
        vocab_ = path("vocab");
    }

    // The measure: 2 processes x 1 thread against 1 process x 2 shards, 50 steps.
    void twoProcessesTrainTheSameModelAsOne() {
        const QStringList common =
            QStringList{"train", "--train", corpus_, "--vocab-from", vocab_, "--stop-after-steps",
                        "50"} +
            tinyModel();
        const Run one = runDari(common + QStringList{"--out", path("one"), "--threads", "2"});
        QVERIFY2(one.code == 3, qPrintable(one.err));
        const Run two =
            runDari(common + QStringList{"--out", path("two"), "--nproc", "2", "--threads", "1"});
        QVERIFY2(two.code == 3, qPrintable(two.err));
        QVERIFY2(two.err.contains("all-reduce:"), qPrintable(two.err));
        int compared = 0;
        const double worst =
            largestDifference(trainLosses(path("one")), trainLosses(path("two")), &compared);
        qInfo("2 processes vs 1 process, %d logged steps: largest relative loss difference %.3g",
              compared, worst);
        QCOMPARE(compared, 10);
        QVERIFY(worst <= 1e-5);
        // Rank 1 wrote nothing: one start event, from rank 0.
        QFile log(path("two/train_log.jsonl"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll().count("\"event\":\"start\""), 1);
    }

    // A distributed run continues from its checkpoint (here on 2 processes again) and its
    // curve goes on as the single process's does.
    void aDistributedRunResumes() {
        const Run one = runDari(
            {"train", "--resume", path("one"), "--stop-after-steps", "75", "--threads", "2"});
        QVERIFY2(one.code == 3, qPrintable(one.err));
        const Run two = runDari({"train", "--resume", path("two"), "--stop-after-steps", "75",
                                 "--nproc", "2", "--threads", "1"});
        QVERIFY2(two.code == 3, qPrintable(two.err));
        auto a = trainLosses(path("one")), b = trainLosses(path("two"));
        QVERIFY(b.count(75));
        int compared = 0;
        QVERIFY(largestDifference(a, b, &compared) <= 1e-5);
        QCOMPARE(compared, 15);
    }

    // kill -9 of rank 1: the others stop at once, the supervisor names the rank, the
    // checkpoint stays and --resume continues from it.
    void aKilledRankStopsTheRun() {
        QElapsedTimer clock;
        clock.start();
        QProcess supervisor;
        const pid_t rank1 = startUntilCheckpoint(supervisor, "killed", {});
        QVERIFY(rank1 > 0);
        QElapsedTimer sinceKill;
        sinceKill.start();
        ::kill(rank1, SIGKILL);
        const Run run = finish(supervisor, clock);
        qInfo("the run stopped %lld ms after rank 1 was killed", sinceKill.elapsed());
        QVERIFY(sinceKill.elapsed() < 60000);
        QCOMPARE(run.code, 6);
        QVERIFY2(
            run.err.contains("rank 1 (pid " + QString::number(rank1) + ") was killed by signal 9"),
            qPrintable(run.err));
        QVERIFY2(run.err.contains("--resume"), qPrintable(run.err));
        QVERIFY(!QDir(path("killed")).entryList({"*.tmp*"}).size());
        const Run resumed = runDari({"train", "--resume", path("killed"), "--nproc", "2",
                                     "--threads", "1", "--stop-after-steps", "60"});
        QVERIFY2(resumed.code == 3, qPrintable(resumed.err));
        QVERIFY(trainLosses(path("killed")).count(60));
    }

    // A rank that stops answering (SIGSTOP: a machine gone quiet) ends the run within
    // train.rank_timeout_seconds, and the supervisor names it.
    void aRankThatStopsAnsweringEndsTheRun() {
        QElapsedTimer clock;
        clock.start();
        QProcess supervisor;
        const pid_t rank1 =
            startUntilCheckpoint(supervisor, "hung", {"--set", "train.rank_timeout_seconds=3"});
        QVERIFY(rank1 > 0);
        QElapsedTimer sinceStop;
        sinceStop.start();
        ::kill(rank1, SIGSTOP);
        const Run run = finish(supervisor, clock);
        qInfo("the run stopped %lld ms after rank 1 stopped answering", sinceStop.elapsed());
        QVERIFY(sinceStop.elapsed() < 20000);
        QCOMPARE(run.code, 6);
        QVERIFY2(run.err.contains("rank 1 (pid " + QString::number(rank1) + ") stopped answering"),
                 qPrintable(run.err));
        QCOMPARE(::kill(rank1, 0), -1);  // gone, not left stopped
    }

    // Started by torchrun's variables, as srun or a Kubernetes job would: rank 1 reads a
    // corpus with one pair changed, and the run refuses to start, naming rank 1 and its host.
    void aRankWithAnotherCorpusIsRefused() {
        QByteArray pairs = sharedPairs(400);
        pairs.replace(pairs.indexOf('\t'), 1, "\t(changed) ");
        QFile other(path("other.tsv"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(pairs);
        other.close();
        const QString port = QString::number(freePort());
        auto env = [&](int rank) {
            return std::map<QString, QString>{{"RANK", QString::number(rank)},
                                              {"WORLD_SIZE", "2"},
                                              {"LOCAL_RANK", QString::number(rank)},
                                              {"MASTER_ADDR", "127.0.0.1"},
                                              {"MASTER_PORT", port},
                                              {"DARI_THREADS", "1"}};
        };
        QElapsedTimer clock;
        clock.start();
        QProcess rank0, rank1;
        const QStringList common =
            QStringList{"train", "--vocab-from", vocab_, "--out", path("refused")} + tinyModel();
        start(rank0, common + QStringList{"--train", corpus_}, env(0));
        start(rank1, common + QStringList{"--train", path("other.tsv")}, env(1));
        const Run a = finish(rank0, clock), b = finish(rank1, clock);
        QVERIFY(a.code != 0 && b.code != 0);
        char host[256] = {};
        gethostname(host, sizeof host - 1);
        QVERIFY2(a.err.contains(
                     QString("rank 1 on %1: the training corpus differs from rank 0's").arg(host)),
                 qPrintable(a.err));
        QVERIFY(clock.elapsed() < 60000);
        QVERIFY(!QFile::exists(path("refused/checkpoint.pt")));
    }

    // Rank 0 cannot listen: one message saying so and how to choose another port, at once.
    void aPortInUseIsSaidAtOnce() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        QCOMPARE(::listen(fd, 4), 0);
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        const QString port = QString::number(ntohs(address.sin_port));
        const Run run =
            runDari(QStringList{"train", "--train", corpus_, "--vocab-from", vocab_, "--out",
                                path("port"), "--nproc", "2", "--master", "127.0.0.1:" + port} +
                    tinyModel());
        ::close(fd);
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains("port " + port) && run.err.contains("--master HOST:PORT"),
                 qPrintable(run.err));
        qInfo("a port in use: said after %lld ms", run.ms);
        QVERIFY(run.ms < 30000);
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "test_distributed.moc"
