#pragma once
// The window's user settings, persisted with QSettings.

#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace dari {

struct AppSettings {
    // Decoding: overrides of each model's own decode section (its config.yaml); unset
    // (the default) follows the model, so the defaults are written once, in model/bundle/config.h.
    std::optional<int> beam;               // Translate: beam size (also the number of alternatives)
    std::optional<double> maxLengthRatio;  // output at most ratio * source length + 10 pieces
    std::optional<double> temperature;     // Chat: sampling temperature
    std::optional<int> topK;               // Chat: sample among the k likeliest pieces (0: all)
    QString modelsFolder;                  // empty: ModelCatalog::modelsFolder's default
    QString dataFolder;  // the corpora of the default models, as picked (default_model_plan.h)
    int fontSize = 11;   // points, conversation text (View ▸ Zoom)
    static constexpr int kMinFontSize = 6, kMaxFontSize = 40;
    int threads = 0;  // 0: the runtime's default
    bool translateAsYouType = false;
    QString language = QStringLiteral("system");  // ui/interface_language.h: system, en, ko
    QString translateModel;  // chosen bundle folders (empty: the default bundle)
    QString chatModel;

    // Returns a note for each stored value that was unusable and replaced by its default.
    QStringList load(QSettings& settings);
    void save(QSettings& settings) const;
};

}  // namespace dari
