#include "app/train_launcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "app/arguments.h"
#include "app/option_table.h"
#include "model/runtime.h"
#include "model/training/distributed.h"
#include "model/training/run_state.h"
#include "model/training/train_events.h"

extern char** environ;

namespace dari {
namespace {

using Clock = std::chrono::steady_clock;
namespace ev = train_events;

// How long the other workers may take to stop by themselves after one failed.
constexpr auto kGrace = std::chrono::seconds(10);

// The supervisor's own options: the workers get every other one.
const char* const kLauncherOptions[] = {"nproc", "nnodes", "node-rank", "master"};

std::atomic<int> g_signal{0};
void onSignal(int signal) {
    g_signal = signal;
}

bool isLauncherOption(const std::string& name) {
    for (const char* o : kLauncherOptions)
        if (name == o) return true;
    return false;
}

// A port no one listens on now (the kernel's choice), for a run on this machine alone.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        return 29500;
    }
    const int port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

struct Master {
    std::string host;
    int port = 0;
};

Master parseMaster(const std::string& text) {
    const auto colon = text.rfind(':');
    char* end = nullptr;
    const long port =
        colon == std::string::npos ? 0 : std::strtol(text.c_str() + colon + 1, &end, 10);
    if (colon == std::string::npos || colon == 0 || *end != '\0' || port < 1 || port > 65535)
        throw std::runtime_error(
            "--master takes HOST:PORT (the address of the machine of rank 0 "
            "and a free port on it, e.g. 10.0.0.1:29500), not '" +
            text + "'");
    return {text.substr(0, colon), static_cast<int>(port)};
}

// What a worker's argv and environment hold (built before fork: exec's arguments only).
struct WorkerLaunch {
    std::vector<std::string> argv, env;
};

WorkerLaunch workerLaunch(const Arguments& args, int rank, int localRank, int worldSize,
                          int localWorldSize, const Master& master, int threads) {
    WorkerLaunch launch;
    launch.argv = {std::filesystem::read_symlink("/proc/self/exe").string(), "train"};
    for (const auto& [name, value] : args.ordered()) {
        if (isLauncherOption(name)) continue;
        launch.argv.push_back("--" + name);
        if (findOption(args.command(), name)->value) launch.argv.push_back(value);
    }
    // This environment, less the variables set below for each worker.
    const std::vector<std::string> ours = {kRankEnv,           kWorldSizeEnv,  kLocalRankEnv,
                                           kLocalWorldSizeEnv, kMasterAddrEnv, kMasterPortEnv,
                                           kThreadsEnv,        kSupervisedEnv};
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string key = entry.substr(0, entry.find('='));
        if (std::find(ours.begin(), ours.end(), key) == ours.end()) launch.env.push_back(entry);
    }
    const auto set = [&](const char* name, const std::string& value) {
        launch.env.push_back(std::string(name) + "=" + value);
    };
    set(kRankEnv, std::to_string(rank));
    set(kWorldSizeEnv, std::to_string(worldSize));
    set(kLocalRankEnv, std::to_string(localRank));
    set(kLocalWorldSizeEnv, std::to_string(localWorldSize));
    set(kMasterAddrEnv, master.host);
    set(kMasterPortEnv, std::to_string(master.port));
    set(kThreadsEnv, std::to_string(threads));
    launch.env.push_back(std::string(kSupervisedEnv) + "=1");
    return launch;
}

pid_t start(const WorkerLaunch& launch) {
    std::vector<char*> argv, env;
    for (const auto& a : launch.argv)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (const auto& e : launch.env)
        env.push_back(const_cast<char*>(e.c_str()));
    env.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // A supervisor that is killed (and cannot forward anything) stops its workers too:
        // they checkpoint and end as on Ctrl+C.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(ev::kExitPeerLost);
        ::execve(argv[0], argv.data(), env.data());
        ::_exit(127);
    }
    if (pid < 0)
        throw std::runtime_error(std::string("cannot start a worker: ") + std::strerror(errno));
    return pid;
}

struct Worker {
    int rank = 0;
    pid_t pid = 0;
    bool running = true;
    bool killedByUs = false;  // still running past the deadline
    int status = 0;
};

std::string describe(const Worker& w) {
    const std::string who =
        "rank " + std::to_string(w.rank) + " (pid " + std::to_string(w.pid) + ")";
    if (WIFSIGNALED(w.status))
        return who + " was killed by signal " + std::to_string(WTERMSIG(w.status)) + " (" +
               strsignal(WTERMSIG(w.status)) + ")";
    return who + " stopped with exit code " + std::to_string(WEXITSTATUS(w.status));
}

// A worker's exit that is a failure of the run (not done, not interrupted as asked).
bool failed(const Worker& w) {
    if (WIFSIGNALED(w.status)) return true;
    const int code = WEXITSTATUS(w.status);
    return code != 0 && code != ev::kExitInterrupted;
}

// The run's folder on this machine (rank 0's, when it runs here).
std::string runFolder(const Arguments& args) {
    return args.has("resume") ? args.get("resume") : args.get("out");
}

}  // namespace

bool isSupervisedWorker() {
    const char* value = std::getenv(kSupervisedEnv);
    return value && std::string(value) == "1";
}

bool launchesWorkers(const Arguments& args) {
    return (args.has("nproc") || args.has("nnodes")) && !isSupervisedWorker();
}

int superviseTraining(const Arguments& args) {
    const int nproc = args.getInt("nproc", 1, 1, 256);
    const int nnodes = args.getInt("nnodes", 1, 1, 65536);
    const int nodeRank = args.getInt("node-rank", 0, 0, nnodes - 1);
    if (nnodes > 1 && !args.has("master"))
        throw std::runtime_error("--nnodes " + std::to_string(nnodes) +
                                 " needs --master HOST:PORT: the address of node 0's machine, "
                                 "where rank 0 listens, the same on every node");
    if (args.has("node-rank") && nnodes == 1 && nodeRank != 0)
        throw std::runtime_error("--node-rank needs --nnodes");
    const Master master =
        args.has("master") ? parseMaster(args.get("master")) : Master{"127.0.0.1", freePort()};
    // Each worker gets its share of this machine's cores unless --threads says otherwise.
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int threads =
        args.has("threads") ? args.getInt("threads", 0, 0, 256) : std::max(1, cores / nproc);

    std::vector<WorkerLaunch> launches;
    for (int i = 0; i < nproc; ++i)
        launches.push_back(
            workerLaunch(args, nodeRank * nproc + i, i, nnodes * nproc, nproc, master, threads));
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::vector<Worker> workers;
    for (int i = 0; i < nproc; ++i)
        workers.push_back({nodeRank * nproc + i, start(launches[i])});
    std::cerr << "dari train: " << nproc << " processes x " << threads
              << (threads == 1 ? " thread" : " threads") << " on this machine"
              << (nnodes > 1
                      ? " (node " + std::to_string(nodeRank) + " of " + std::to_string(nnodes) + ")"
                      : std::string())
              << ", rank 0 at " << master.host << ":" << master.port << "\n";

    const Worker* firstFailure = nullptr;
    Clock::time_point deadline = Clock::time_point::max();
    bool killedStragglers = false;
    for (size_t running = workers.size(); running > 0;) {
        if (const int signal = g_signal.exchange(0); signal != 0)
            for (const auto& w : workers)  // each stops at the same step; rank 0 checkpoints
                if (w.running) ::kill(w.pid, SIGTERM);
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            for (auto& w : workers) {
                if (w.pid != pid) continue;
                w.running = false;
                w.status = status;
                --running;
                if (failed(w) && !firstFailure) {
                    firstFailure = &w;
                    // The others notice at once when a peer's connections close (a rank
                    // still waiting to meet rank 0 would wait for the timeout): they get a
                    // grace period, then are stopped. Without rank 0 there is nothing to
                    // wait for (and the others write nothing).
                    deadline = Clock::now() + (w.rank == 0 ? std::chrono::seconds(0) : kGrace);
                }
            }
            continue;
        }
        if (Clock::now() > deadline && !killedStragglers) {
            for (auto& w : workers)
                if (w.running) {
                    ::kill(w.pid, SIGKILL);
                    w.killedByUs = true;
                }
            killedStragglers = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    if (!firstFailure) {
        for (const auto& w : workers)
            if (WEXITSTATUS(w.status) != 0) return WEXITSTATUS(w.status);
        return 0;
    }
    // The cause rather than its echo: a worker killed by a signal; else one that failed on its
    // own (bad input: it said why itself); else, when the others lost their peers, one that
    // stopped answering (still running at the deadline) or a rank on another machine.
    const Worker* killed = nullptr;
    const Worker* ownFailure = nullptr;
    const Worker* hung = nullptr;
    for (const auto& w : workers) {
        if (WIFSIGNALED(w.status) && !w.killedByUs && !killed) killed = &w;
        if (failed(w) && !WIFSIGNALED(w.status) && WEXITSTATUS(w.status) != ev::kExitPeerLost &&
            !ownFailure)
            ownFailure = &w;
        if (w.killedByUs && !hung) hung = &w;
    }
    if (!killed && ownFailure) return WEXITSTATUS(ownFailure->status);
    // The workers keep quiet about a lost peer: this is the one message.
    std::cerr << "dari train: ";
    if (killed)
        std::cerr << describe(*killed) << "; the other ranks stopped";
    else if (hung)
        std::cerr << "rank " << hung->rank << " (pid " << hung->pid
                  << ") stopped answering (for train.rank_timeout_seconds); it and the other "
                     "ranks were stopped";
    else
        std::cerr << "the run lost a rank on another machine (it stopped or its machine is "
                     "unreachable); the ranks here stopped";
    const std::string dir = runFolder(args);
    const RunState state = readRunState(dir);
    if (state.checkpointStep > 0)
        std::cerr << ". The last checkpoint (step " << state.checkpointStep
                  << ") is intact: continue with dari train --resume " << dir << " --nproc "
                  << nproc;
    std::cerr << "\n";
    const int code = ev::kExitPeerLost;
    return code;
}

}  // namespace dari
