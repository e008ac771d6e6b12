#pragma once
// Finding model bundles on disk and summarising them (without loading weights).

#include <QList>
#include <QString>
#include <QStringList>

namespace dari {

// Below this dev BLEU a model's output is mostly noise ("with with with…", or "Please." for
// every input after a minute of training, at dev BLEU 1.1): the picker and the training
// dashboard say it is not usable yet. The default models score 11 (chat) and 15 (ko-en).
constexpr double kUsableDevBleu = 3.0;

struct ModelInfo {
    QString dir;   // absolute folder of the bundle
    QString name;  // folder name: "ko-en", "chat-ko", ...
    QString task;  // "translate" | "chat" | "classify" (meta.json), empty if unreadable
    QString srcLang, tgtLang;
    QString cell;  // rnn | gru | lstm (config.yaml)
    QString attention;
    int embedding = 0, encoderHidden = 0, decoderHidden = 0;
    qint64 parameters = 0;  // of all its networks
    int members = 1;        // networks decoding together (> 1: an ensemble)
    double devBleu = 0.0, devChrf = 0.0, epochs = 0.0;
    qint64 trainPairs = 0;
    QString trainingData;  // run.json's training corpus, if known
    QString created;
    QString error;            // why the folder is not a usable bundle (empty: looks fine)
    bool unfinished = false;  // its training run has not finished (model.pt: the best so far)

    bool valid() const { return error.isEmpty(); }
    bool usableYet() const { return devBleu >= kUsableDevBleu; }
    // A few lines of rich text for the model summary.
    QString summaryHtml() const;
    // The task and the languages as people read them: "Translate", "ko → en"; a classifier "ko".
    QString taskText() const;
    QString languagesText() const;
    QString shortLabel()
        const;  // "ko-en (GRU, 1.2 M params, BLEU 12.3)"; "GRU ×2" for an ensemble of two
};

class ModelCatalog {
public:
    // The folder new models go to (trained, imported): `configured` (settings) if set, else
    // $DARI_MODELS, else the source tree's models/ when running from a build folder, else
    // ~/.local/share/dari/models.
    static QString modelsFolder(const QString& configured);
    // modelsFolder, then the engine's search path (model/bundle/model_locations.h), each once.
    static QStringList searchPath(const QString& configured);
    // Every sub-folder holding a meta.json, sorted by name.
    static QList<ModelInfo> scan(const QString& folder);
    // The models of every folder of searchPath, sorted by name; of two with the same name,
    // the one found first.
    static QList<ModelInfo> scanAll(const QString& configured);
    // Reads one folder's meta.json and config.yaml; `error` says what is missing.
    static ModelInfo inspect(const QString& dir);
    // "ko-en" for translate and "chat-ko" for chat if present and valid, else the
    // first valid bundle of that task; empty dir if none. A model whose training has not
    // finished is never chosen by itself (a user may still pick it): the default models train
    // in place, and a half-trained one must not greet a new user.
    static ModelInfo defaultFor(const QList<ModelInfo>& models, const QString& task);
};

}  // namespace dari
