#pragma once
// dari train --nproc N [--nnodes M --node-rank R --master HOST:PORT]: starts this machine's
// worker processes, each a `dari train` with torchrun's environment (RANK, WORLD_SIZE,
// LOCAL_RANK, MASTER_ADDR, MASTER_PORT), and supervises them: SIGINT/SIGTERM reach every
// worker (they stop together, rank 0 checkpoints); a worker that dies stops the others
// within train.rank_timeout_seconds, and the exit code says what happened.

namespace dari {

class Arguments;

// Set in the environment of the workers the supervisor starts (they launch nothing).
inline constexpr char kSupervisedEnv[] = "DARI_SUPERVISED";

// --nproc or --nnodes was given and this process is not itself a worker.
bool launchesWorkers(const Arguments& args);
int superviseTraining(const Arguments& args);

// A worker started by the supervisor (whose messages about the run rank 0 gives instead).
bool isSupervisedWorker();

}  // namespace dari
