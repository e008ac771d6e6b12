#pragma once
// Requests to the inference engine and its replies, in Qt types (no LibTorch here).

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QtNumeric>

#include <optional>

#include "model/metrics/confidence.h"

namespace dari {

struct EngineRequest {
    quint64 id = 0;
    QString task;  // "translate" | "chat"
    QString modelDir;
    QString text;
    bool preview = false;  // translate-as-you-type: not a message of the conversation
    // Overrides of the bundle's own decode section (config.yaml); unset: the model's value.
    std::optional<int> beam;  // translate: beam size and number of alternatives
    std::optional<double> maxLengthRatio;
    std::optional<double> temperature;  // chat: sampling
    std::optional<int> topK;
    quint64 seed = 0;
};

// One sentence of a reply: its alternatives and how it was aligned to its input.
struct SentenceDetail {
    QString source;     // the sentence as read (one of several in a paragraph)
    QStringList nbest;  // best first: beam n-best, or ranked chat draws
    QList<double> scores;
    QStringList sourcePieces;  // the encoder's input (+ "</s>"): heatmap columns
    QStringList outputPieces;  // the best output (+ "</s>"): heatmap rows
    QList<float> attention;    // rows x cols, row-major; empty without attention
    int rows = 0, cols = 0;
    int chosen = 0;          // the alternative the user adopted as the reply (0: the likeliest)
    double score = qQNaN();  // the likeliest output's mean log-probability per piece
    Confidence confidence = Confidence::Unknown;  // that score's level (model/metrics/confidence)
};

struct EngineReply {
    quint64 id = 0;
    QString task, modelDir, modelName;
    bool preview = false;
    QString text;
    QString error;                    // non-empty: the request failed (text is empty)
    QList<SentenceDetail> sentences;  // in input order (chat: one)
    bool truncated = false;           // the input was longer than the model's limit
    bool stopped = false;             // cancelled or replaced while decoding: text is partial
    bool cached = false;              // answered from the LRU cache
    double ms = 0.0;                  // time to answer
};

}  // namespace dari

Q_DECLARE_METATYPE(dari::EngineRequest)
Q_DECLARE_METATYPE(dari::SentenceDetail)
Q_DECLARE_METATYPE(dari::EngineReply)
