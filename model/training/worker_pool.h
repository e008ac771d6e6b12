#pragma once
// Long-lived threads for the work a training step splits across cores.
//
// A thread started afresh every step ran its shard 10-20% slower than the
// calling thread (cold allocator caches, a new malloc arena), and the step
// waited for it. The pool's threads live as long as the process.

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace dari {

class WorkerPool {
public:
    static WorkerPool& shared();
    ~WorkerPool();

    // Runs tasks[0] on the calling thread and tasks[k] on worker k, and returns
    // when all have finished. Tasks must not throw, nor call run() themselves; a second
    // caller waits for the first.
    void run(const std::vector<std::function<void()>>& tasks);

private:
    struct Worker;
    void work(Worker& worker);

    std::mutex callers_;
    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    std::vector<std::unique_ptr<Worker>> workers_;
    size_t pending_ = 0;
    bool stopping_ = false;
};

}  // namespace dari
