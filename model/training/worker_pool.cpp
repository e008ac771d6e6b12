#include "model/training/worker_pool.h"

namespace dari {

struct WorkerPool::Worker {
    std::function<void()> task;  // empty when idle
    std::thread thread;
};

WorkerPool& WorkerPool::shared() {
    static WorkerPool pool;
    return pool;
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& w : workers_)
        w->thread.join();
}

void WorkerPool::work(Worker& worker) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || worker.task; });
        if (!worker.task) return;  // stopping
        auto task = std::move(worker.task);
        worker.task = nullptr;
        lock.unlock();
        task();
        lock.lock();
        if (--pending_ == 0) finished_.notify_all();
    }
}

void WorkerPool::run(const std::vector<std::function<void()>>& tasks) {
    if (tasks.empty()) return;
    const std::lock_guard<std::mutex> oneCaller(callers_);  // e.g. two windows' engine threads
    {
        std::lock_guard<std::mutex> lock(mutex_);
        while (workers_.size() + 1 < tasks.size()) {
            workers_.push_back(std::make_unique<Worker>());
            Worker& w = *workers_.back();
            w.thread = std::thread([this, &w] { work(w); });
        }
        for (size_t k = 1; k < tasks.size(); ++k)
            workers_[k - 1]->task = tasks[k];
        pending_ = tasks.size() - 1;
    }
    wake_.notify_all();
    tasks[0]();
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return pending_ == 0; });
}

}  // namespace dari
