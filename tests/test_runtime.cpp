// The numeric runtime: set-up must leave LibTorch on a fast BLAS.

#include <QtTest>

#include "model/runtime.h"

class TestRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openBlasIsActive() {
        const auto blas = dari::activeBlas();
        QVERIFY2(!blas.slow, qPrintable(QString::fromStdString("slow BLAS active: " + blas.path)));
        QVERIFY2(blas.name.rfind("OpenBLAS", 0) == 0, blas.name.c_str());
    }
    void threadsAreConfigured() {
        dari::configureThreads(1);
        QCOMPARE(dari::configuredThreads(), 1);
        dari::configureThreads(2);
        QCOMPARE(dari::configuredThreads(), 2);
        QCOMPARE(torch::get_num_threads(), 1);  // OpenBLAS owns the threads (runtime.cpp)
    }
    void versionReportNamesEveryComponent() {
        const QString report = QString::fromStdString(dari::versionReport());
        for (const char* part : {"dari ", "LibTorch 1.", "SentencePiece 0.", "Qt 6.", "BLAS "})
            QVERIFY2(report.contains(QLatin1String(part)), part);
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "test_runtime.moc"
