#include "model/training/distributed.h"

#include <unistd.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <cstdlib>
#include <functional>
#include <limits>
#include <sstream>

namespace dari {
namespace {

using Clock = std::chrono::steady_clock;

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

int intFromEnv(const char* name, int fallback, int low, int high) {
    const char* value = std::getenv(name);
    if (!value || !*value) return fallback;
    char* end = nullptr;
    const long parsed = std::strtol(value, &end, 10);
    if (*end != '\0' || parsed < low || parsed > high)
        throw std::runtime_error(std::string("environment variable ") + name + "='" + value +
                                 "' is not a whole number in " + std::to_string(low) + ".." +
                                 std::to_string(high));
    return static_cast<int>(parsed);
}

std::string hostName() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "?";
    return name;
}

bool isLoopback(const std::string& address) {
    return address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1";
}

std::vector<uint8_t> toBytes(const std::string& text) {
    return {text.begin(), text.end()};
}

std::string fromBytes(const std::vector<uint8_t>& bytes) {
    return {bytes.begin(), bytes.end()};
}

// The network device Gloo's connections use: the loopback one when the master is on this
// machine, the interface named by GLOO_SOCKET_IFNAME (as PyTorch reads it), else the address
// this machine's hostname resolves to.
std::shared_ptr<::gloo::transport::Device> glooDevice(const std::string& masterAddr) {
    if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    if (isLoopback(masterAddr)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

RankSetup RankSetup::fromEnvironment() {
    RankSetup s;
    s.worldSize = intFromEnv(kWorldSizeEnv, 1, 1, 65536);
    const char* rank = std::getenv(kRankEnv);
    if (s.worldSize > 1 && (!rank || !*rank))
        throw std::runtime_error(std::string(kWorldSizeEnv) + "=" + std::to_string(s.worldSize) +
                                 " is set but " + kRankEnv +
                                 " is not: a launcher must give each process its rank (0.." +
                                 std::to_string(s.worldSize - 1) + ")");
    s.rank = intFromEnv(kRankEnv, 0, 0, s.worldSize - 1);
    s.localRank = intFromEnv(kLocalRankEnv, 0, 0, 65535);
    if (const char* addr = std::getenv(kMasterAddrEnv); addr && *addr) s.masterAddr = addr;
    s.masterPort = intFromEnv(kMasterPortEnv, s.masterPort, 1, 65535);
    return s;
}

struct Distributed::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

Distributed::Distributed(const RankSetup& setup, std::chrono::milliseconds timeout)
    : setup_(setup), host_(hostName()), timeout_(timeout), impl_(std::make_unique<Impl>()) {
    c10d::TCPStoreOptions options;
    options.port = static_cast<uint16_t>(setup.masterPort);
    options.isServer = setup.rank == 0;
    options.numWorkers = setup.worldSize;
    options.waitWorkers = true;
    options.timeout = timeout;
    const std::string where = setup.masterAddr + ":" + std::to_string(setup.masterPort);
    c10::intrusive_ptr<c10d::Store> tcp;
    try {
        tcp = c10::make_intrusive<c10d::TCPStore>(setup.masterAddr, options);
    } catch (const std::exception& e) {
        const std::string why = firstLine(e.what());
        if (setup.rank == 0)
            throw std::runtime_error("rank 0 cannot serve the run's rendezvous at " + where + " (" +
                                     why + "); if another program uses port " +
                                     std::to_string(setup.masterPort) +
                                     ", choose another with --master HOST:PORT (or MASTER_PORT)");
        throw std::runtime_error("rank " + std::to_string(setup.rank) + " on " + host_ +
                                 " could not meet rank 0 at " + where + " within " +
                                 std::to_string(timeout.count() / 1000) + " s (" + why + ")");
    }
    impl_->store = c10::make_intrusive<c10d::PrefixStore>("dari", tcp);
    auto groupOptions = c10d::ProcessGroupGloo::Options::create(timeout);
    groupOptions->devices.push_back(glooDevice(setup.masterAddr));
    groupOptions->threads = 1;
    try {
        impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl_->store, setup.rank,
                                                                   setup.worldSize, groupOptions);
    } catch (const std::exception& e) {
        throw PeerLost("rank " + std::to_string(setup.rank) + " on " + host_ +
                       " could not connect to the other ranks (" + firstLine(e.what()) + ")");
    }
}

Distributed::~Distributed() = default;

namespace {

// A collective that failed: a peer closed its connection (it died) or stopped answering.
template <typename Fn>
void collective(const char* what, int rank, const std::string& host, Fn&& fn) {
    try {
        fn();
    } catch (const std::exception& e) {
        throw PeerLost("rank " + std::to_string(rank) + " on " + host +
                       " lost contact with the run during " + what + " (" + firstLine(e.what()) +
                       "): another rank stopped or its machine is unreachable");
    }
}

}  // namespace

std::string Distributed::fromLeader(const std::string& what, const std::string& value) {
    const std::string key = "share/" + std::to_string(agreements_++) + "/" + what;
    std::string out;
    collective("the start", rank(), host_, [&] {
        if (leader()) {
            impl_->store->set(key, toBytes(value));
            out = value;
        } else {
            out = fromBytes(impl_->store->get(key));
        }
    });
    return out;
}

namespace {

// "'seed: 2' where rank 0 has 'seed: 1'": the first line in which two texts differ.
std::string firstDifference(const std::string& mine, const std::string& leaders) {
    std::istringstream a(mine), b(leaders);
    std::string x, y;
    while (true) {
        const bool moreA = static_cast<bool>(std::getline(a, x));
        const bool moreB = static_cast<bool>(std::getline(b, y));
        if (!moreA && !moreB) return "";
        if (!moreA) x.clear();
        if (!moreB) y.clear();
        if (x != y) return "'" + x + "' where rank 0 has '" + y + "'";
    }
}

}  // namespace

void Distributed::agree(const std::string& what, const std::string& value) {
    const std::string key = "agree/" + std::to_string(agreements_++);
    const std::string theirs = fromLeader(what, value);
    std::string verdict;
    collective("the start", rank(), host_, [&] {
        if (!leader()) {
            const std::string mine =
                theirs == value ? ""
                                : "rank " + std::to_string(rank()) + " on " + host_ + ": " + what +
                                      " differs from rank 0's: " + firstDifference(value, theirs);
            impl_->store->set(key + "/" + std::to_string(rank()), toBytes(mine));
            verdict = fromBytes(impl_->store->get(key + "/verdict"));
            return;
        }
        for (int r = 1; r < worldSize() && verdict.empty(); ++r)
            verdict = fromBytes(impl_->store->get(key + "/" + std::to_string(r)));
        impl_->store->set(key + "/verdict", toBytes(verdict));
    });
    if (verdict.empty()) return;
    if (leader()) throw std::runtime_error(verdict);
    throw Disagreement(verdict);
}

void Distributed::allreduceGradients(const std::vector<torch::Tensor>& parameters,
                                     int64_t bucketBytes) {
    const auto start = Clock::now();
    torch::NoGradGuard noGrad;
    // Consecutive parameters fill a bucket until it holds bucketBytes (a large one alone).
    std::vector<std::vector<size_t>> members(1);
    int64_t filled = 0;
    for (size_t i = 0; i < parameters.size(); ++i) {
        if (filled >= bucketBytes) {
            members.emplace_back();
            filled = 0;
        }
        members.back().push_back(i);
        filled += parameters[i].numel() * static_cast<int64_t>(parameters[i].element_size());
    }
    std::vector<torch::Tensor> flat;
    cost_ = {};
    for (const auto& bucket : members) {
        std::vector<torch::Tensor> pieces;
        for (size_t i : bucket)
            pieces.push_back(parameters[i].grad().reshape(-1));
        // Gloo sums host memory: a GPU's gradients travel through it.
        flat.push_back(torch::cat(pieces).to(torch::kCPU));
        cost_.bytes += flat.back().numel() * static_cast<int64_t>(flat.back().element_size());
    }
    collective("the gradients' all-reduce", rank(), host_, [&] {
        // A one-number all-reduce first: it returns when the slowest rank has arrived, which
        // tells waiting (shards of unequal work) apart from moving the bytes.
        std::vector<torch::Tensor> arrival{torch::zeros({1})};
        impl_->group->allreduce(arrival)->wait(timeout_);
        cost_.waitMilliseconds = 1e3 * std::chrono::duration<double>(Clock::now() - start).count();
        // One collective per bucket, all in flight together; Gloo runs them in order.
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        for (auto& bucket : flat) {
            std::vector<torch::Tensor> one{bucket};
            works.push_back(impl_->group->allreduce(one));
        }
        for (auto& work : works)
            work->wait(timeout_);
    });
    for (size_t b = 0; b < members.size(); ++b) {
        int64_t offset = 0;
        for (size_t i : members[b]) {
            auto grad = parameters[i].mutable_grad();
            const int64_t n = grad.numel();
            grad.copy_(flat[b].slice(0, offset, offset + n).view_as(grad));
            offset += n;
        }
    }
    cost_.buckets = static_cast<int>(members.size());
    cost_.milliseconds = 1e3 * std::chrono::duration<double>(Clock::now() - start).count();
}

void Distributed::allreduce(torch::Tensor& tensor) {
    collective("an all-reduce", rank(), host_, [&] {
        std::vector<torch::Tensor> one{tensor};
        impl_->group->allreduce(one)->wait(timeout_);
    });
}

void Distributed::broadcast(torch::Tensor& tensor, std::chrono::milliseconds timeout) {
    collective("a broadcast from rank 0", rank(), host_, [&] {
        std::vector<torch::Tensor> one{tensor};
        c10d::BroadcastOptions options;
        options.rootRank = 0;
        options.timeout = timeout.count() > 0 ? timeout : timeout_;
        impl_->group->broadcast(one, options)->wait(options.timeout);
    });
}

std::string Distributed::broadcastBytes(const std::string& bytes) {
    auto size = torch::tensor({static_cast<int64_t>(bytes.size())}, torch::kLong);
    broadcast(size);
    auto data = torch::empty({size.item<int64_t>()}, torch::kUInt8);
    if (leader()) std::memcpy(data.data_ptr(), bytes.data(), bytes.size());
    broadcast(data);
    return {static_cast<const char*>(data.data_ptr()), static_cast<size_t>(data.numel())};
}

}  // namespace dari
