#pragma once
// File ▸ Translate a file… (or a .txt dropped on the window): every line of a UTF-8 text file
// through the engine's batched translation, on a worker thread, with progress; cancellable; the
// translation written next to it (NAME.en.txt) with its line breaks kept, whole or not at all.

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace dari {

struct FileTranslationResult {
    QString output;  // the file written
    QString error;   // empty: it worked (or was cancelled)
    int lines = 0;
    bool cancelled = false;
};

class FileTranslation : public QObject {
    Q_OBJECT
public:
    explicit FileTranslation(QObject* parent = nullptr);
    ~FileTranslation() override;

    // NAME.txt -> NAME.en.txt (the target language's code); never the input itself.
    static QString outputPathFor(const QString& input, const QString& tgtLang);

    // Translates `input` with the model in `modelDir` into `output`; false if one is running.
    bool start(const QString& modelDir, const QString& input, const QString& output);
    void cancel();
    bool running() const { return watcher_.isRunning(); }

Q_SIGNALS:
    void progress(int done, int total);  // lines
    void finished(const dari::FileTranslationResult& result);

private:
    QFutureWatcher<FileTranslationResult> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

}  // namespace dari

Q_DECLARE_METATYPE(dari::FileTranslationResult)
