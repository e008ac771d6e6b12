#pragma once
// Learn mode's side-by-side networks: a tiny RNN, GRU and LSTM, each with and without attention,
// trained on the spot on the same sample of a translation corpus for the same number of steps,
// so that their gradients through time can be compared on one sentence. The recipe is written
// here once; the window trains them on a worker thread (about a minute on two cores).

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "data/corpus.h"
#include "model/bundle/config.h"

namespace dari {

struct TinyCell {
    std::string cell;                                            // rnn | gru | lstm
    std::string attention;                                       // none | bahdanau
    std::string name() const { return cell + "-" + attention; }  // its folder
};

// rnn, gru, lstm; each without attention, then with it.
std::vector<TinyCell> tinyCells();

// The recipe: 64-wide networks, 1,000-piece vocabularies, two epochs of kTinyPairs pairs.
Config tinyCellConfig(const TinyCell& cell);
inline constexpr size_t kTinyPairs = 4000;  // an even sample of the training corpus
inline constexpr size_t kTinyDevPairs = 100;

// An even sample of at most `count` pairs (every k-th), in order.
std::vector<SentencePair> evenSample(const std::vector<SentencePair>& pairs, size_t count);

struct TinyCellsProgress {
    int done = 0, total = 0;  // networks
    std::string training;     // the one in training
    double fraction = 0.0;    // of its budget
};

// Trains every tiny cell that `dir` does not hold yet into dir/NAME (each with its
// train_log.jsonl), from `train` and `dev` sampled as above. `stop` set: returns after the
// network in training checkpoints, leaving no half network in dir. Throws std::runtime_error.
void trainTinyCells(const std::vector<SentencePair>& train, const std::vector<SentencePair>& dev,
                    const std::string& dir,
                    const std::function<void(const TinyCellsProgress&)>& progress = {},
                    std::atomic<bool>* stop = nullptr);

// The folders of the tiny cells that `dir` holds, in tinyCells() order.
std::vector<std::string> trainedTinyCells(const std::string& dir);

}  // namespace dari
