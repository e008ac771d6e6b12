#pragma once
// Everything that shapes a model and its training, with every default filled in.
// Saved (commented) into each model bundle as config.yaml.

#include <cstdint>
#include <string>
#include <vector>

namespace dari {

// One entry of data.corpora: a training corpus and its weight in each epoch's mix, its dev set
// (either may be absent), and how many of its clean pairs are held out of training.
struct CorpusEntry {
    std::string train;    // a corpus file; a relative path starts at dari train --data-dir
    double weight = 1.0;  // pairs per epoch = weight x its pairs (data/corpus_mix.h)
    std::string dev;      // scored at every validation, under the corpus's name
    int holdout = 0;      // pairs set aside, never trained on, scored at the end (held_out/)
    bool operator==(const CorpusEntry& o) const {
        return train == o.train && weight == o.weight && dev == o.dev && holdout == o.holdout;
    }
};

struct DataConfig {
    std::string task = "translate";  // translate | chat | classify
    std::string srcLang = "ko";
    std::string tgtLang = "en";
    std::string vocabType = "unigram";  // unigram | bpe
    int srcVocabSize = 4000;
    int tgtVocabSize = 4000;
    bool sharedVocab = false;     // one vocabulary for both sides (chat: same language)
    int vocabSentences = 300000;  // SentencePiece learns from at most this many (an even sample)
    int maxChars = 1000;          // pairs with a longer side are invalid
    int maxPieces = 100;          // training pairs longer than this (pieces) are skipped
    double devFraction = 0.05;    // dev split taken from train when no --dev is given
    int maxDevPairs = 500;
    bool deduplicate = true;
    bool placeholders = true;  // translate: numbers, Latin words, URLs kept (data/placeholders.h)
    // Cleaning of the training corpora (data/corpus_cleaning.h): markup, length, script,
    // near duplicates, dev sources; every drop counted in the run folder's cleaning.json.
    bool clean = true;
    double cleanLengthRatio = 3.0;  // a pair this far from its corpus's median length ratio
    double cleanWarnShare = 0.1;    // a rule dropping more than this share of a corpus is said
    // Several corpora mixed by weight, with their dev sets (empty: dari train --train/--dev).
    std::vector<CorpusEntry> corpora;
};

struct ModelConfig {
    // recurrent (the cells and attention below) | transformer (model/network/transformer.h)
    std::string architecture = "recurrent";
    std::string cell = "gru";  // rnn | gru | lstm
    int embeddingSize = 256;
    int encoderHidden = 256;  // per direction
    int encoderLayers = 1;
    bool bidirectional = true;
    int decoderHidden = 512;
    int decoderLayers = 1;
    std::string attention = "bahdanau";  // none | bahdanau | dot | general
    int attentionSize = 256;             // bahdanau only
    double dropout = 0.3;
    bool inputFeeding = true;           // dot/general: feed the last attentional vector back in
    bool tieEmbeddings = false;         // share target embeddings with the output layer
    std::string tiedInit = "output";    // tied embeddings start as an output layer would: N(0,
                                        // 1/sqrt(E)) | unit: N(0, 1)
    std::string pooling = "attention";  // classify: last (final state) | attention (all states)
    int classes = 0;                    // classify: number of labels (0: from the training data)
    // Transformer only (embedding_size is d_model; encoder_layers, decoder_layers, dropout and
    // tie_embeddings are shared with the recurrent network):
    int heads = 4;           // attention heads; embedding_size must be divisible by it
    int feedforward = 1024;  // inner size of each layer's feed-forward block
};

struct TrainConfig {
    int batchSentences = 64;  // sentences per batch ...
    int batchTokens = 0;      // ... or, if > 0, a token budget per batch instead
    double learningRate = 1e-3;
    double labelSmoothing = 0.1;
    double wordDropout = 0.0;     // probability of replacing an input piece by <unk> while training
    double clipNorm = 1.0;        // gradient-norm clipping (exploding gradients)
    double teacherForcing = 1.0;  // probability of feeding the gold token at the start ...
    double teacherForcingEnd = 1.0;  // ... decaying linearly to this at the end of the budget
    int epochs = 10;                 // budget: epochs, unless minutes > 0
    double minutes = 0.0;            // budget: wall-clock minutes
    int validateEvery = 500;         // steps between validations (and checkpoints)
    int timedValidations = 4;       // a minutes budget also validates every minutes / this (0: off)
    double checkpointSeconds = 60;  // also checkpoint after this many seconds of training (0: off)
    int logEvery = 50;              // steps between log events
    int validationBeam = 1;   // dev BLEU with this beam (1: greedy); picks the best checkpoint
    int validationPairs = 0;  // > 0: each dev set scored on an even sample of this many pairs
    // The score that picks the best checkpoint: bleu | chrf (the mean over the dev sets) or
    // bleu:NAME | chrf:NAME (one dev set's)
    std::string bestBy = "bleu";
    int patience = 8;      // early stop after this many validations without a better dev BLEU
    double lrDecay = 0.5;  // multiply the learning rate by this on a plateau ...
    int lrPatience = 2;    // ... of this many validations without a better dev loss
    double minLearningRate = 1e-5;
    std::string lrSchedule =
        "plateau";  // plateau (decay on a dev-loss plateau) | cosine (over the budget) | tail
    double lrTail =
        0.2;  // tail: constant, then linear to min_learning_rate over this end of the budget
    double subwordSampling = 0.0;  // > 0: each epoch samples new segmentations with this alpha
    double emaDecay = 0.0;  // > 0: validate and save an exponential moving average of the weights
    uint64_t seed = 1;
    int threads = 0;  // 0: all cores (each process's share of them with --nproc)
    int shards = 0;   // a step's batch in this many shards (0: one per thread): any thread count,
                      // the same model
    std::string device = "cpu";  // cpu | cuda | cuda:N (model/device.h)
    // Distributed runs (model/training/distributed.h):
    double rankTimeoutSeconds = 60;  // a rank silent this long ends the run
    double allreduceBucketMb = 25;   // gradients all-reduced in buckets of about this size (as DDP)
};

struct DecodeConfig {
    int beam = 5;
    double lengthPenalty = 1.0;   // beam scores are divided by length^alpha ...
    double wordReward = 0.0;      // ... plus this for each output piece (> 0: longer outputs)
    double maxLengthRatio = 2.0;  // output at most ratio * source length + 10 pieces
    int noRepeatNgram = 3;        // never repeat an n-gram of this size (0: off)
    double temperature = 0.8;     // chat sampling
    int topK = 40;
    double topP = 0.95;
    std::string device = "cpu";  // cpu | cuda | cuda:N: where dari translate/chat/eval run it
    // beam: a reply that is one of the training corpus's most frequent ones (a chat model's
    // meta.json) is not chosen when the beam holds another (model/metrics/frequent_replies.h)
    bool avoidFrequentReplies = true;
};

struct Config {
    DataConfig data;
    ModelConfig model;
    TrainConfig train;
    DecodeConfig decode;

    // Throws std::runtime_error naming the file and the offending key.
    static Config load(const std::string& path);
    static Config fromYaml(const std::string& text, const std::string& origin);
    // YAML with every value and a comment for each; fromYaml(toYaml()) round-trips.
    std::string toYaml() const;
    // Sets one value by its dotted name ("model.cell"), as from a command-line override.
    void set(const std::string& key, const std::string& value);
    // One value as config.yaml writes it, by its dotted name; every dotted name, in file order.
    std::string get(const std::string& key) const;
    static std::vector<std::string> keys();
    // Rejects absurd values with a message naming the key.
    void validate() const;
};

}  // namespace dari
