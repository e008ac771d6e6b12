#pragma once
// The training log's contract: the events `dari train` writes to train_log.jsonl (and,
// with --json, to stdout), one JSON object per line. Every writer and reader (the
// trainer, run folders, `dari status`, the window's dashboard) names them from here.

namespace dari::train_events {

// Every event has kEvent, whose value is one of these names.
inline constexpr char kEvent[] = "event";
// a new run: kTrainPairs .. kFineTune, kCorpora (each training corpus: kName, kPairs, kWeight,
// kPerEpoch, kShare) and kDevSets (each: kName, kPairs)
inline constexpr char kStart[] = "start";
// right after start: kCorpora, what cleaning did to each training corpus, as cleaning.json
// holds it (name, read, kept, held_out, markup_taken_out, dropped {rule: count}, examples,
// warnings), and kWarnShare (data.clean_warn_share)
inline constexpr char kCleaning[] = "cleaning";
inline constexpr char kWarnShare[] = "warn_share";
// every train.log_every steps: kStep .. kProgress
inline constexpr char kTrain[] = "train";
// with --json, on stdout only (not in train_log.jsonl), at most once a second between train
// events: kStep, kEpoch, kTrainLoss (the last step's), kTokensPerSecond, kLearningRate,
// kSeconds, kProgress
inline constexpr char kTick[] = "tick";
// dev scores (in old logs, checkpoint.pt was written right after one)
inline constexpr char kValidation[] = "validation";
// checkpoint.pt now holds kStep; kCheckpointMs
inline constexpr char kCheckpoint[] = "checkpoint";
// a run continued from checkpoint.pt at kStep
inline constexpr char kResume[] = "resume";
// stopped with a checkpoint: resumable
inline constexpr char kInterrupted[] = "interrupted";
// the budget is spent or the run stopped early
inline constexpr char kDone[] = "done";
// the loss blew up: the run stopped, its last good checkpoint kept
inline constexpr char kDiverged[] = "diverged";

// start
inline constexpr char kTrainPairs[] = "train_pairs";
inline constexpr char kTooLong[] = "too_long";  // pairs left out: over data.max_pieces pieces
inline constexpr char kDevPairs[] = "dev_pairs";
inline constexpr char kParameters[] = "parameters";
inline constexpr char kSrcVocab[] = "src_vocab";
inline constexpr char kTgtVocab[] = "tgt_vocab";
inline constexpr char kFineTune[] = "fine_tune";  // true: --init-from (the run's own record)
inline constexpr char kCorpora[] = "corpora";
inline constexpr char kDevSets[] = "dev_sets";
inline constexpr char kName[] = "name";
inline constexpr char kPairs[] = "pairs";
inline constexpr char kWeight[] = "weight";
inline constexpr char kPerEpoch[] = "per_epoch";  // examples the corpus gives each epoch
inline constexpr char kShare[] = "share";         // ... as a share of the epoch, 0..1
// processes training together (also in train and done events of distributed runs; absent: 1)
inline constexpr char kWorldSize[] = "world_size";

// train, validation, resume, interrupted, done
inline constexpr char kStep[] = "step";
inline constexpr char kEpoch[] = "epoch";      // fractional: epochs done
inline constexpr char kSeconds[] = "seconds";  // of training, summed over resumes
inline constexpr char kLearningRate[] = "lr";
// nats per target piece since the last train event
inline constexpr char kTrainLoss[] = "train_loss";
inline constexpr char kTokensPerSecond[] = "tokens_per_s";
inline constexpr char kGradNorm[] = "grad_norm";  // before clipping
// fraction of the budget spent, 0..1
inline constexpr char kProgress[] = "progress";
// non-finite updates skipped so far
inline constexpr char kSkippedUpdates[] = "skipped_updates";
// distributed runs: milliseconds the last step's gradients took to be summed over the ranks
inline constexpr char kAllreduceMs[] = "allreduce_ms";
inline constexpr char kAllreduceWaitMs[] = "allreduce_wait_ms";  // of them, for the slowest rank

// validation: kDevLoss, kDevBleu and kDevChrf are the means over the dev sets; kDevSets has each
// set's (kName, kPairs, kDevBleu, kDevChrf, kDevLoss); kScore is train.best_by's (kBestBy)
inline constexpr char kDevLoss[] = "dev_loss";
inline constexpr char kDevPerplexity[] = "dev_ppl";
inline constexpr char kDevBleu[] = "dev_bleu";
inline constexpr char kDevChrf[] = "dev_chrf";
inline constexpr char kScore[] = "score";
inline constexpr char kBestBy[] = "best_by";
// a classifier's validation (data.task classify; kBest: the best dev accuracy so far)
inline constexpr char kDevAccuracy[] = "dev_accuracy";
inline constexpr char kDevMacroF1[] = "dev_macro_f1";
inline constexpr char kBest[] = "best";  // the best kScore so far: model.pt was saved
inline constexpr char kSamples[] =
    "samples";  // [{kSource, kReference, kOutput}] for a few dev pairs
inline constexpr char kSource[] = "source";
inline constexpr char kReference[] = "reference";
inline constexpr char kOutput[] = "output";

// checkpoint
inline constexpr char kCheckpointMs[] = "checkpoint_ms";  // what writing it cost

// diverged
inline constexpr char kReason[] = "reason";                   // "loss nan", ...
inline constexpr char kCheckpointStep[] = "checkpoint_step";  // the last good one (0: none)

// done
inline constexpr char kTokens[] = "tokens";              // target pieces trained on
inline constexpr char kBestDevBleu[] = "best_dev_bleu";  // the best kScore (BLEU unless chrF)
inline constexpr char kEarlyStop[] = "early_stop";

// `dari train`'s exit code when it stopped with a checkpoint (SIGINT, SIGTERM, --stop-after-steps).
inline constexpr int kExitInterrupted = 3;
// ... when the training diverged (the message names the step and the last good checkpoint).
inline constexpr int kExitDiverged = 5;
// ... when a distributed run lost a rank (it died or stopped answering; the message names it).
inline constexpr int kExitPeerLost = 6;

}  // namespace dari::train_events
