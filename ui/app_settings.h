#pragma once
// The window's user settings, persisted with QSettings.

#include <QString>

class QSettings;

namespace dari {

struct AppSettings {
    int beam = 5;                   // Translate: beam size (also the number of alternatives)
    double maxLengthRatio = 2.0;    // output at most ratio * source length + 10 pieces
    double temperature = 0.8;       // Chat: sampling temperature
    int topK = 40;                  // Chat: sample among the k likeliest pieces (0: all)
    QString modelsFolder;           // empty: DARI_MODELS, <repo>/models, AppDataLocation/models
    int fontSize = 11;              // points, conversation text
    int threads = 0;                // 0: the runtime's default
    bool translateAsYouType = false;
    QString translateModel;         // chosen bundle folders (empty: the default bundle)
    QString chatModel;

    void load(QSettings& settings);
    void save(QSettings& settings) const;
};

}  // namespace dari
