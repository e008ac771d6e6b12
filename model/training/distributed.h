#pragma once
// Data-parallel training across processes and machines on PyTorch's c10d: the ranks meet
// through a TCPStore that rank 0 serves, and sum their gradients with ProcessGroupGloo.
//
// Every rank holds the same weights and draws the same random numbers; each computes the
// gradients of its shards of the same global batch (model/training/data_parallel.h) and the
// sum is all-reduced in a fixed order, so every rank applies the same update. Rank 0 alone
// validates, logs and writes; the others only compute.

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dari {

// torchrun's environment: read by RankSetup, set for its workers by `dari train --nproc`
// (app/train_launcher), set by Slurm or Kubernetes launchers themselves.
inline constexpr char kRankEnv[] = "RANK";
inline constexpr char kWorldSizeEnv[] = "WORLD_SIZE";
inline constexpr char kLocalRankEnv[] = "LOCAL_RANK";
inline constexpr char kLocalWorldSizeEnv[] = "LOCAL_WORLD_SIZE";  // set, not needed
inline constexpr char kMasterAddrEnv[] = "MASTER_ADDR";
inline constexpr char kMasterPortEnv[] = "MASTER_PORT";

// Who this process is in a run, from that environment.
struct RankSetup {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;  // torchrun's default

    bool distributed() const { return worldSize > 1; }
    // Reads the variables; none set: a single process. Throws naming a variable that is
    // malformed or inconsistent (RANK 2 of WORLD_SIZE 2).
    static RankSetup fromEnvironment();
};

// A failure of the run rather than of this rank's input: another rank died or stopped
// answering. `dari train` exits with train_events::kExitPeerLost.
class PeerLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown on the ranks other than 0 by Distributed::agree: rank 0 reports the same.
class Disagreement : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What one all-reduce of the gradients cost (the last step's).
struct AllreduceCost {
    int64_t bytes = 0;
    int buckets = 0;
    double milliseconds = 0.0;      // in all, from this rank's arrival to the sums' return ...
    double waitMilliseconds = 0.0;  // ... of which waiting for the slowest rank to arrive
};

class Distributed {
public:
    // Meets the other ranks (rank 0 listens on masterPort) and builds the process group.
    // `timeout` bounds every collective: a rank that stops answering for that long ends the
    // run with PeerLost. Throws std::runtime_error with a message for the user (a port in
    // use, a master that cannot be reached).
    Distributed(const RankSetup& setup, std::chrono::milliseconds timeout);
    ~Distributed();

    int rank() const { return setup_.rank; }
    int worldSize() const { return setup_.worldSize; }
    int localRank() const { return setup_.localRank; }
    bool leader() const { return setup_.rank == 0; }
    const std::string& host() const { return host_; }

    // Rank 0's `value` for `what`, on every rank (rank 0 passes its own, the others "").
    std::string fromLeader(const std::string& what, const std::string& value);
    // Every rank's `value` must equal rank 0's. Otherwise every rank throws the same message
    // naming the first rank (and its host) that differs and the first line that does: "rank 1
    // on node-b: <what> differs from rank 0's: 'seed: 2' where rank 0 has 'seed: 1'" (rank 0
    // std::runtime_error, the others Disagreement, as rank 0 reports it).
    void agree(const std::string& what, const std::string& value);

    // Sums the parameters' gradients over the ranks in place, flattened into buckets of about
    // `bucketBytes`, in parameter order (the same order and bucketing on every rank and run).
    void allreduceGradients(const std::vector<torch::Tensor>& parameters, int64_t bucketBytes);
    const AllreduceCost& lastAllreduce() const { return cost_; }
    // Sums a small tensor over the ranks in place.
    void allreduce(torch::Tensor& tensor);
    // Rank 0's contents of `tensor` (same shape and type on every rank) on every rank.
    // `timeout` > 0: waits that long instead (while rank 0 validates).
    void broadcast(torch::Tensor& tensor,
                   std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
    // Rank 0's bytes on every rank (any length).
    std::string broadcastBytes(const std::string& bytes);

private:
    struct Impl;
    RankSetup setup_;
    std::string host_;
    std::chrono::milliseconds timeout_;
    std::unique_ptr<Impl> impl_;
    AllreduceCost cost_;
    int64_t agreements_ = 0;
};

}  // namespace dari
