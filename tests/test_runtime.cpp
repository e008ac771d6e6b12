// The numeric runtime: set-up must leave LibTorch on a fast BLAS.

#include <QtTest>

#include <dlfcn.h>

#include "model/blas_kernels.h"
#include "model/runtime.h"

class TestRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openBlasIsActive() {
        const auto blas = dari::activeBlas();
        QVERIFY2(!blas.slow, qPrintable(QString::fromStdString("slow BLAS active: " + blas.path)));
        QVERIFY2(blas.name.rfind("OpenBLAS", 0) == 0, blas.name.c_str());
    }
    // What configureThreads does to the libraries, as they report it themselves.
    void threadsReachOpenBlasAndNotLibTorch() {
        using GetThreadsFn = int (*)();
        const auto blasThreads =
            reinterpret_cast<GetThreadsFn>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
        QVERIFY2(blasThreads, "OpenBLAS is not loaded");
        for (int threads : {1, 2, 1}) {
            dari::configureThreads(threads);
            QCOMPARE(blasThreads(), threads);
            QCOMPARE(torch::get_num_threads(), 1);  // OpenBLAS owns the threads (runtime.cpp)
        }
        qputenv("DARI_THREADS", "2");
        dari::configureThreads(0);  // 0: the environment's choice
        QCOMPARE(blasThreads(), 2);
        QVERIFY(dari::setBlasThreads(1));
        QCOMPARE(blasThreads(), 1);
    }
    void versionReportNamesEveryComponent() {
        const QString report = QString::fromStdString(dari::versionReport());
        for (const char* part : {"dari ", "LibTorch 1.", "SentencePiece 0.", "Qt 6.", "BLAS "})
            QVERIFY2(report.contains(QLatin1String(part)), part);
    }

    // Where OpenBLAS does not know this CPU and falls back to its slowest kernels, dari starts
    // itself again on the kernels the CPU can run; it names them in --version.
    void dariRunsOnTheKernelsTheCpuCanRun() {
        const std::string better = dari::betterBlasCore();  // this process did not restart
        QProcess dari;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("OPENBLAS_CORETYPE");
        dari.setProcessEnvironment(env);
        dari.start(QStringLiteral(DARI_BINARY_DIR "/bin/dari"), {"--version"});
        QVERIFY(dari.waitForFinished(60000));
        const QString report = QString::fromUtf8(dari.readAllStandardOutput());
        QVERIFY2(report.contains("BLAS "), qPrintable(report));
        if (better.empty()) QSKIP("OpenBLAS knows this CPU (or it runs no better): no restart");
        QVERIFY2(report.contains(QString::fromStdString(better)), qPrintable(report));
        QVERIFY2(!report.contains("Prescott"), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "test_runtime.moc"
