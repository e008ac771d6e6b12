#pragma once
// Running the `dari` executable from a test, and the small files such tests write.

#include <torch/torch.h>

#include <QFile>
#include <QProcess>
#include <QString>
#include <QtTest>

#include "model/bundle/bundle.h"

namespace cli {

struct Run {
    int code = -1;
    QString out, err;
};

inline QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline Run runDari(const QStringList& args, const QByteArray& input = {},
                   const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DARI_BINARY_DIR "/bin/dari"), args);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

inline void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Lines [first, first + count) of a shared corpus file ("tatoeba-ko-en/dev.tsv").
inline QByteArray sharedLines(const QString& file, int count, int first = 0) {
    QFile in(QStringLiteral(DARI_SHARED_DATA "/") + file);
    in.open(QIODevice::ReadOnly);
    QByteArray out;
    for (int i = 0; i < first + count && !in.atEnd(); ++i) {
        const QByteArray line = in.readLine();
        if (i >= first) out += line;
    }
    return out;
}

// The first `count` pairs of the shared dev split: small enough to train in seconds.
inline QByteArray sharedPairs(int count) {
    return sharedLines(QStringLiteral("tatoeba-ko-en/dev.tsv"), count);
}

// Final weights of a run: checkpoint.pt's model, loaded into a network of its config.
inline std::vector<torch::Tensor> finalWeights(const QString& dir) {
    auto bundle = dari::Bundle::load(dir.toStdString());
    torch::serialize::InputArchive archive, model;
    archive.load_from((dir + "/checkpoint.pt").toStdString());
    archive.read("model", model);
    bundle.model->load(model);
    return bundle.model->parameters();
}

inline bool sameWeights(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], b[i])) return false;
    return true;
}

}  // namespace cli
