// Writing files atomically: a full disk, a failing writer or a missing folder leaves the
// old file whole, no temporary behind, and one message naming the file and the cause.

#include <sys/resource.h>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fstream>
#include <sstream>

#include "data/atomic_file.h"

namespace {

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// While alive, files of this process cannot grow past `bytes`: writes fail with EFBIG,
// as they would with ENOSPC on a full disk (SIGXFSZ ignored, so the process lives on).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_);
        signal_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, signal_);
    }

private:
    rlimit saved_{};
    void (*signal_)(int) = nullptr;
};

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }
    bool onlyFile(const char* name) const {
        return QDir(dir_.path()).entryList(QDir::Files) == QStringList{QString::fromLatin1(name)};
    }

private Q_SLOTS:
    void init() {
        for (const QString& f : QDir(dir_.path()).entryList(QDir::Files))
            QDir(dir_.path()).remove(f);
        dari::writeFileAtomically(path("file"), "old contents\n");
    }

    void replacesTheFileWhole() {
        dari::writeFileAtomically(path("file"), "new contents\n");
        QCOMPARE(readAll(path("file")), std::string("new contents\n"));
        QVERIFY(onlyFile("file"));
    }

    void fullDiskKeepsTheOldFile() {
        std::string error;
        {
            FileSizeLimit limit(16 * 1024);
            error =
                errorOf([&] { dari::writeFileAtomically(path("file"), std::string(200000, 'x')); });
        }
        QVERIFY2(error.find(path("file")) == 0 && error.find("File too large") != std::string::npos,
                 error.c_str());
        QCOMPARE(readAll(path("file")), std::string("old contents\n"));
        QVERIFY(onlyFile("file"));
    }

    // LibTorch's archive writer aborts the process when its stream fails (it writes again
    // in its destructor): a full disk must be a message instead.
    void fullDiskUnderATorchArchiveIsAMessage() {
        torch::serialize::OutputArchive archive;
        archive.write("weights", torch::ones({100000}));
        std::string error;
        {
            FileSizeLimit limit(64 * 1024);
            error = errorOf([&] {
                dari::writeFileAtomically(path("file"),
                                          [&](std::ostream& out) { archive.save_to(out); });
            });
        }
        QVERIFY2(error.find("File too large") != std::string::npos, error.c_str());
        QCOMPARE(readAll(path("file")), std::string("old contents\n"));
        QVERIFY(onlyFile("file"));
    }

    void failingWriterLeavesNothing() {
        const std::string error = errorOf([&] {
            dari::writeFileAtomically(path("file"), [](std::ostream& out) {
                out << std::string(100000, 'y');
                throw std::runtime_error("the writer broke");
            });
        });
        QVERIFY2(error == path("file") + ": cannot write (the writer broke)", error.c_str());
        QCOMPARE(readAll(path("file")), std::string("old contents\n"));
        QVERIFY(onlyFile("file"));
    }

    void missingFolderIsNamed() {
        const std::string missing = dir_.filePath("no/such/folder/file").toStdString();
        const std::string error = errorOf([&] { dari::writeFileAtomically(missing, "x"); });
        QVERIFY2(error == missing + ": cannot write (No such file or directory)", error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
