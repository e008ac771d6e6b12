#pragma once
// Requests to the inference engine and its replies, in Qt types (no LibTorch here).

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace dari {

struct EngineRequest {
    quint64 id = 0;
    QString task;      // "translate" | "chat"
    QString modelDir;
    QString text;
    bool preview = false;        // translate-as-you-type: not a message of the conversation
    int beam = 5;                // translate: beam size and number of alternatives
    double maxLengthRatio = 2.0;
    double temperature = 0.8;    // chat: sampling
    int topK = 40;
    quint64 seed = 0;
};

struct EngineReply {
    quint64 id = 0;
    QString task, modelDir, modelName;
    bool preview = false;
    QString text;
    QString error;               // non-empty: the request failed (text is empty)
    QStringList nbest;           // best first
    QList<double> scores;
    QStringList sourcePieces;    // the encoder's input (+ "</s>"): heatmap columns
    QStringList outputPieces;    // the best output (+ "</s>"): heatmap rows
    QList<float> attention;      // rows x cols, row-major; empty without attention
    int rows = 0, cols = 0;
    bool truncated = false;      // the input was longer than the model's limit
    bool cached = false;         // answered from the LRU cache
    bool firstSentenceOnly = false;  // several sentences: details are those of the first
    double ms = 0.0;             // time to answer
};

}  // namespace dari

Q_DECLARE_METATYPE(dari::EngineRequest)
Q_DECLARE_METATYPE(dari::EngineReply)
