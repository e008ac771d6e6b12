#pragma once
// A model in one file to hand to someone else: `dari pack` writes it, `dari unpack` and
// `dari models install` (and the window's File ▸ Import model…) read it.
//
// The file is a gzip-compressed tar archive. Its first member is manifest.json, the model card:
// name, task, languages, the network, dev scores, the training data and its licence, the Dari
// that made it, and each file's size and SHA-256. The other members are the bundle's files
// (config.yaml, meta.json, src.spm, tgt.spm, model.pt, member2.pt, ...), flat, nothing else.
//
// A packed model is untrusted input: reading refuses absolute paths, "..", links, devices and
// any file the manifest does not list with its checksum, and checks every checksum before the
// model is loaded. Nothing is left half-written: files go to a temporary folder that is renamed
// into place only once all of them are verified and the model loads.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace dari {

// The manifest's format: a reader refuses a newer one.
constexpr int kModelArchiveFormat = 1;

struct ArchiveMember {
    std::string path;  // a bare file name (no folders)
    int64_t size = 0;
    std::string sha256;  // 64 hex digits
};

struct ModelCard {
    int format = kModelArchiveFormat;
    std::string name;  // the model's folder name once installed
    std::string task;  // translate | chat
    std::string srcLang, tgtLang;
    // The network: "GRU ×3, bahdanau attention, embedding 256, ...", and its numbers.
    std::string network;
    std::string cell, attention;
    int64_t members = 1, parameters = 0;
    double devBleu = 0, devChrf = 0;
    int devBeam = 0;
    int64_t devPairs = 0, trainPairs = 0;
    double epochs = 0;
    // The training data, one entry per corpus: as the model recorded it, and, for a corpus Dari
    // knows, where it comes from and its licence (data/corpus_sources.h); otherwise what `dari
    // pack --data-licence` said, or "unknown".
    struct Corpus {
        std::string data, title, origin, licence, attribution;
    };
    std::vector<Corpus> corpora;
    bool calibrated = false;  // says how sure it is (dari calibrate)
    std::string dariVersion, created, packed;
    std::vector<ArchiveMember> files;

    nlohmann::json toJson() const;
    // Validates as it reads; `where` names the file in messages.
    static ModelCard fromJson(const nlohmann::json& json, const std::string& where);
    // The card as a user reads it before trusting the model (a few aligned lines).
    std::string text() const;
};

struct PackOptions {
    std::string name;          // default: the model folder's name
    std::string trainingData;  // the training corpus, when the model did not record it
    std::string dataLicence;   // for a corpus Dari does not know
};

// Packs the bundle in `modelDir` into `out` (written atomically). Only the files a model needs
// to translate go in (not checkpoint.pt or the training log). Returns the card written.
ModelCard packModel(const std::string& modelDir, const std::string& out,
                    const PackOptions& options = {});

// Reads only the manifest (the first member) of a packed model, validated.
ModelCard readModelCard(const std::string& archive);

struct UnpackOptions {
    std::string task;      // refuse a model for another task (empty: either)
    bool replace = false;  // an installed model of the same name is replaced
};

// Unpacks `archive` into the new folder `outDir` (it must not exist), verified and loaded once
// before it is renamed into place.
ModelCard unpackModel(const std::string& archive, const std::string& outDir,
                      const UnpackOptions& options = {});

// Unpacks `archive` into `modelsFolder`/NAME (the card's name); an existing model of that name
// is an error unless options.replace.
ModelCard installModel(const std::string& archive, const std::string& modelsFolder,
                       const UnpackOptions& options = {});

// Removes `modelsFolder`/NAME (a folder with a meta.json): renamed aside first, so a model is
// either there whole or gone.
void removeModel(const std::string& modelsFolder, const std::string& name);

}  // namespace dari
