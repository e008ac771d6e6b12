#pragma once
// Inference off the GUI thread: EngineWorker owns the models and runs on its own
// QThread; Engine (GUI side) starts the thread, numbers requests and filters replies.

#include <QObject>
#include <QSet>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

#include "ui/chat/engine_types.h"

namespace dari {

// The key of a translate reply in the worker's cache: the same request to the same loaded
// weights. `generation` counts model loads, so a model re-read after more training
// (loadModel, or its folder found changed on disk before a request) answers afresh.
QString replyCacheKey(const EngineRequest& request, quint64 generation);

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // Thread-safe: requests with an id <= `id` that have not started are dropped, and
    // one of them being decoded stops at its next step (finished with `stopped`).
    void cancelUpTo(quint64 id);

public Q_SLOTS:
    // Latest wins: a request replaces the one waiting (which is reported as dropped).
    void submit(const dari::EngineRequest& request);
    // Loads (or reloads) a bundle and checks its task; answers with modelReady or modelFailed.
    void loadModel(const QString& dir, const QString& task);
    void setThreads(int threads);

Q_SIGNALS:
    void started(quint64 id);
    void finished(const dari::EngineReply& reply);
    void dropped(quint64 id);
    void modelReady(const QString& dir, const QString& task);
    void modelFailed(const QString& dir, const QString& task, const QString& error);

private:
    void processPending();
    struct Impl;
    std::unique_ptr<Impl> d_;
    std::optional<EngineRequest> pending_;
    bool scheduled_ = false;
    std::atomic<quint64> cancelledUpTo_{0};
};

// The GUI side. Owns the worker thread; cancel() discards whatever is in flight.
class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(QObject* parent = nullptr);
    ~Engine() override;

    // Returns the request's id. Latest wins: a waiting request is dropped and one being
    // decoded is stopped (both reported by requestDropped).
    quint64 request(EngineRequest request);
    void loadModel(const QString& dir, const QString& task);
    void setThreads(int threads);
    void cancel();  // drop waiting requests, discard the running one's result
    bool busy() const { return !outstanding_.isEmpty(); }

Q_SIGNALS:
    void requestStarted(quint64 id);  // the worker began computing it
    void replyReady(const dari::EngineReply& reply);
    void requestDropped(quint64 id);  // replaced by a newer request, or cancelled
    void busyChanged(bool busy);
    void modelReady(const QString& dir, const QString& task);
    void modelFailed(const QString& dir, const QString& task, const QString& error);

private:
    void settle(quint64 id);
    QThread thread_;
    EngineWorker* worker_;
    quint64 nextId_ = 1;
    quint64 cancelledUpTo_ = 0;
    QSet<quint64> outstanding_;
};

}  // namespace dari
