#include "model/bundle/model_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include "dari/version.h"
#include "data/atomic_file.h"
#include "data/corpus_sources.h"
#include "model/bundle/bundle.h"
#include "model/bundle/config.h"
#include "model/bundle/model_locations.h"
#include "model/bundle/sha256.h"

namespace dari {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kManifest = "manifest.json";
constexpr int64_t kMaxManifestBytes = 1 << 20;
constexpr int64_t kMaxMemberBytes = int64_t{8} << 30;
constexpr size_t kMaxMembers = 64;

// The files of a bundle that a packed model holds: the required ones, then the ensemble's
// other members.
const std::vector<std::string> kRequiredFiles = {"config.yaml", "meta.json", "src.spm", "tgt.spm",
                                                 "model.pt"};

bool isMemberWeights(const std::string& name) {
    // member2.pt ... member64.pt
    if (name.rfind("member", 0) != 0 || name.size() < 10 || name.substr(name.size() - 3) != ".pt")
        return false;
    const std::string digits = name.substr(6, name.size() - 9);
    if (digits.empty() || digits.size() > 2 || digits[0] == '0') return false;
    for (const char c : digits)
        if (c < '0' || c > '9') return false;
    const int n = std::stoi(digits);
    return n >= 2 && n <= 64;
}

bool isModelFile(const std::string& name) {
    for (const auto& required : kRequiredFiles)
        if (name == required) return true;
    return isMemberWeights(name);
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string networkSummary(const Config& config, int64_t members) {
    const auto& m = config.model;
    std::ostringstream s;
    if (m.architecture == "transformer") {
        s << "Transformer";
        if (members > 1) s << " ×" << members;
        s << ", " << m.encoderLayers << "+" << m.decoderLayers << " layers, d_model "
          << m.embeddingSize << ", " << m.heads << " heads, feed-forward " << m.feedforward;
        return s.str();
    }
    s << upper(m.cell);
    if (members > 1) s << " ×" << members;
    s << ", " << m.attention << " attention, embedding " << m.embeddingSize << ", encoder "
      << m.encoderLayers << "×" << m.encoderHidden << (m.bidirectional ? " bidirectional" : "")
      << ", decoder " << m.decoderLayers << "×" << m.decoderHidden;
    return s.str();
}

// The training corpora a bundle recorded: meta.json's, else run.json's (a bundle trained before
// meta.json had them), as "folder/file".
std::vector<std::string> recordedTrainingData(const std::string& dir, const BundleMeta& meta) {
    if (!meta.trainingData.empty()) return meta.trainingData;
    std::ifstream run(dir + "/run.json");
    if (!run) return {};
    try {
        return {corpusLabel(json::parse(run).at("train").at("path").get<std::string>())};
    } catch (const std::exception&) {
        return {};
    }
}

json corpusJson(const ModelCard::Corpus& c) {
    return {{"data", c.data},
            {"title", c.title},
            {"origin", c.origin},
            {"licence", c.licence},
            {"attribution", c.attribution}};
}

ModelCard::Corpus corpusFromJson(const json& j) {
    return {j.value("data", ""), j.value("title", ""), j.value("origin", ""),
            j.value("licence", ""), j.value("attribution", "")};
}

// --- libarchive, with errors as exceptions naming the file -------------------------------

struct ArchiveDeleter {
    void operator()(archive* a) const { archive_read_free(a); }
};
struct WriterDeleter {
    void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

[[noreturn]] void fail(const std::string& where, const std::string& why) {
    throw std::runtime_error(where + ": " + why);
}

// Reads a packed model member by member, refusing anything but plain, flat files.
class ArchiveReader {
public:
    explicit ArchiveReader(const std::string& path) : path_(path), archive_(archive_read_new()) {
        if (!fs::is_regular_file(path)) fail(path, "not a file");
        archive_read_support_filter_gzip(archive_.get());
        archive_read_support_filter_none(archive_.get());
        archive_read_support_format_tar(archive_.get());
        if (archive_read_open_filename(archive_.get(), path.c_str(), 1 << 16) != ARCHIVE_OK)
            fail(path, "not a packed Dari model (" + error() + ")");
    }

    // The next member's name and size, checked to be a plain file with a bare name; false at
    // the end of the archive.
    bool next(std::string* name, int64_t* size) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(archive_.get(), &entry);
        if (status == ARCHIVE_EOF) return false;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            fail(path_, "not a packed Dari model, or damaged (" + error() + ")");
        const char* raw = archive_entry_pathname(entry);
        *name = raw ? raw : "";
        const std::string quoted = "'" + *name + "'";
        if (name->empty()) fail(path_, "holds a file without a name; refusing it");
        if ((*name)[0] == '/')
            fail(path_, "holds " + quoted + " with an absolute path; refusing it");
        if (fs::path(*name).lexically_normal().string().rfind("..", 0) == 0 ||
            name->find("/../") != std::string::npos || *name == "..")
            fail(path_, "holds " + quoted + ", which points outside its folder; refusing it");
        if (archive_entry_hardlink(entry) || archive_entry_filetype(entry) == AE_IFLNK)
            fail(path_, "holds " + quoted + ", a link; refusing it");
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFCHR || type == AE_IFBLK || type == AE_IFIFO || type == AE_IFSOCK)
            fail(path_, "holds " + quoted + ", a device or pipe; refusing it");
        if (type != AE_IFREG)
            fail(path_, "holds " + quoted + ", which is not a plain file; refusing it");
        if (name->find('/') != std::string::npos)
            fail(path_, "holds " + quoted + " in a folder; a packed model is flat");
        if (!archive_entry_size_is_set(entry) || archive_entry_size(entry) < 0)
            fail(path_, "holds " + quoted + " without a size");
        *size = archive_entry_size(entry);
        return true;
    }

    // The current member's bytes in chunks, at most `limit` of them (more is an error).
    template <typename Sink>
    void read(const std::string& name, int64_t limit, Sink&& sink) {
        std::vector<char> buffer(1 << 16);
        int64_t total = 0;
        for (;;) {
            const la_ssize_t n = archive_read_data(archive_.get(), buffer.data(), buffer.size());
            if (n < 0) fail(path_, "'" + name + "' is damaged (" + error() + ")");
            if (n == 0) break;
            total += n;
            if (total > limit) fail(path_, "'" + name + "' is larger than its manifest says");
            sink(buffer.data(), static_cast<size_t>(n));
        }
    }

private:
    std::string error() const {
        const char* text = archive_error_string(archive_.get());
        return text ? text : "unreadable";
    }

    std::string path_;
    std::unique_ptr<archive, ArchiveDeleter> archive_;
};

ModelCard readManifest(ArchiveReader& reader, const std::string& path) {
    std::string name;
    int64_t size = 0;
    if (!reader.next(&name, &size)) fail(path, "is empty; not a packed Dari model");
    if (name != kManifest)
        fail(path, "does not start with its manifest.json; not a packed Dari model");
    if (size > kMaxManifestBytes) fail(path, "its manifest.json is too large");
    std::string text;
    reader.read(name, kMaxManifestBytes, [&](const char* data, size_t n) { text.append(data, n); });
    json manifest;
    try {
        manifest = json::parse(text);
    } catch (const std::exception& e) {
        fail(path, std::string("its manifest.json is not valid JSON (") + e.what() + ")");
    }
    return ModelCard::fromJson(manifest, path + ": manifest.json");
}

// Every member after the manifest, written into `dir` and checked against the card.
void extractVerified(ArchiveReader& reader, const ModelCard& card, const std::string& path,
                     const std::string& dir) {
    std::set<std::string> seen;
    std::string name;
    int64_t size = 0;
    while (reader.next(&name, &size)) {
        const ArchiveMember* listed = nullptr;
        for (const auto& file : card.files)
            if (file.path == name) listed = &file;
        if (!listed)
            fail(path, "holds '" + name + "', which its manifest does not list; refusing it");
        if (!seen.insert(name).second) fail(path, "holds '" + name + "' twice; refusing it");
        if (size != listed->size)
            fail(path, "'" + name + "' has " + std::to_string(size) + " bytes, its manifest says " +
                           std::to_string(listed->size));
        std::ofstream out(dir + "/" + name, std::ios::binary | std::ios::trunc);
        if (!out) fail(dir + "/" + name, "cannot be written");
        Sha256 sha;
        reader.read(name, listed->size, [&](const char* data, size_t n) {
            sha.update(data, n);
            out.write(data, static_cast<std::streamsize>(n));
        });
        out.flush();
        if (!out) fail(dir + "/" + name, "cannot be written (disk full?)");
        if (sha.hex() != listed->sha256)
            fail(path, "'" + name +
                           "' does not match its SHA-256 checksum: the file is damaged "
                           "or was changed after it was packed; refusing it");
    }
    for (const auto& file : card.files)
        if (!seen.count(file.path))
            fail(path, "lacks '" + file.path + "', which its manifest lists");
}

// A folder next to `target` that only this process uses.
std::string temporarySibling(const fs::path& target, const std::string& what) {
    return (target.parent_path() /
            ("." + target.filename().string() + "." + what + "-" + std::to_string(::getpid())))
        .string();
}

// Extracts, verifies and loads the archive in the temporary folder `staging`; returns the card
// and leaves the folder for the caller to rename (removed on any error).
ModelCard stage(const std::string& archive, const std::string& staging,
                const UnpackOptions& options) {
    ArchiveReader reader(archive);
    ModelCard card = readManifest(reader, archive);
    if (!options.task.empty() && card.task != options.task)
        fail(archive, "is a " + card.task + " model; a " + options.task + " model is needed here");
    fs::remove_all(staging);
    fs::create_directories(staging);
    try {
        extractVerified(reader, card, archive, staging);
        const BundleMeta meta = BundleMeta::load(staging);
        if (meta.task != card.task)
            fail(archive,
                 "its manifest says " + card.task + " but its meta.json says " + meta.task);
        if (meta.members != card.members)
            fail(archive, "its manifest lists " + std::to_string(card.members) +
                              " networks but its meta.json " + std::to_string(meta.members));
        try {
            Bundle::load(staging);  // every file parses and the weights fit the config
        } catch (const std::exception& e) {
            fail(archive, std::string("its model does not load: ") + e.what());
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    return card;
}

}  // namespace

json ModelCard::toJson() const {
    json files_ = json::array();
    for (const auto& f : files)
        files_.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
    // The first corpus also as the flat keys that cards written before "corpora" had.
    json training = corpusJson(corpora.empty() ? Corpus{} : corpora.front());
    training["corpora"] = json::array();
    for (const auto& c : corpora)
        training["corpora"].push_back(corpusJson(c));
    training["pairs"] = trainPairs;
    training["epochs"] = epochs;
    return {{"dari_model_archive", format},
            {"name", name},
            {"task", task},
            {"src_lang", srcLang},
            {"tgt_lang", tgtLang},
            {"network",
             {{"summary", network},
              {"cell", cell},
              {"attention", attention},
              {"members", members},
              {"parameters", parameters}}},
            {"dev", {{"bleu", devBleu}, {"chrf", devChrf}, {"beam", devBeam}, {"pairs", devPairs}}},
            {"training", training},
            {"confidence_calibrated", calibrated},
            {"dari_version", dariVersion},
            {"created", created},
            {"packed", packed},
            {"files", files_}};
}

ModelCard ModelCard::fromJson(const json& j, const std::string& where) {
    ModelCard c;
    try {
        if (!j.is_object()) fail(where, "is not a JSON object");
        if (!j.contains("dari_model_archive")) fail(where, "is not a Dari model's manifest");
        c.format = j.at("dari_model_archive").get<int>();
        if (c.format > kModelArchiveFormat)
            fail(where, "was made by a newer Dari (model file format " + std::to_string(c.format) +
                            "; this Dari " DARI_VERSION " reads format " +
                            std::to_string(kModelArchiveFormat) + "): update Dari to use it");
        if (c.format < 1) fail(where, "names an invalid format");
        c.name = j.at("name").get<std::string>();
        if (!validModelName(c.name))
            fail(where, "names the model '" + c.name +
                            "', which is not a valid model name (letters, digits, . _ -)");
        c.task = j.at("task").get<std::string>();
        if (c.task != "translate" && c.task != "chat")
            fail(where, "is a model for the task '" + c.task +
                            "', which this Dari " DARI_VERSION
                            " cannot run (it runs translate and chat models)");
        c.srcLang = j.value("src_lang", "");
        c.tgtLang = j.value("tgt_lang", "");
        const json network = j.value("network", json::object());
        c.network = network.value("summary", "");
        c.cell = network.value("cell", "");
        c.attention = network.value("attention", "");
        c.members = network.value("members", int64_t{1});
        c.parameters = network.value("parameters", int64_t{0});
        if (c.members < 1 || c.members > 64) fail(where, "names an invalid number of networks");
        const json dev = j.value("dev", json::object());
        c.devBleu = dev.value("bleu", 0.0);
        c.devChrf = dev.value("chrf", 0.0);
        c.devBeam = dev.value("beam", 0);
        c.devPairs = dev.value("pairs", int64_t{0});
        const json training = j.value("training", json::object());
        if (training.contains("corpora")) {
            for (const auto& corpus : training.at("corpora"))
                c.corpora.push_back(corpusFromJson(corpus));
        } else if (!training.value("data", "").empty() || !training.value("licence", "").empty()) {
            c.corpora.push_back(corpusFromJson(training));
        }
        c.trainPairs = training.value("pairs", int64_t{0});
        c.epochs = training.value("epochs", 0.0);
        c.calibrated = j.value("confidence_calibrated", false);
        c.dariVersion = j.value("dari_version", "");
        c.created = j.value("created", "");
        c.packed = j.value("packed", "");
        const json& files = j.at("files");
        if (!files.is_array() || files.size() > kMaxMembers)
            fail(where, "has an invalid list of files");
        std::set<std::string> names;
        for (const auto& f : files) {
            ArchiveMember m{f.at("path").get<std::string>(), f.at("size").get<int64_t>(),
                            f.at("sha256").get<std::string>()};
            if (!isModelFile(m.path))
                fail(where, "lists '" + m.path + "', which is not a model file; refusing it");
            if (!names.insert(m.path).second) fail(where, "lists '" + m.path + "' twice");
            if (m.size < 0 || m.size > kMaxMemberBytes)
                fail(where, "gives '" + m.path + "' an invalid size");
            if (m.sha256.size() != 64 ||
                m.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
                fail(where, "gives '" + m.path + "' an invalid SHA-256");
            c.files.push_back(m);
        }
        for (const auto& required : kRequiredFiles)
            if (!names.count(required)) fail(where, "does not list " + required);
        for (int64_t m = 2; m <= c.members; ++m)
            if (!names.count(memberFileName(m))) fail(where, "does not list " + memberFileName(m));
        if (names.size() != kRequiredFiles.size() + static_cast<size_t>(c.members - 1))
            fail(where, "lists weights for more networks than it has");
    } catch (const json::exception& e) {
        fail(where, std::string("is incomplete (") + e.what() + ")");
    }
    return c;
}

std::string ModelCard::text() const {
    char line[512];
    std::string s;
    auto add = [&](const char* key, const std::string& value) {
        std::snprintf(line, sizeof line, "%-14s%s\n", key, value.c_str());
        s += line;
    };
    add("model", name);
    add("task", task + " (" + srcLang + " -> " + tgtLang + ")");
    add("network", network + "; " + std::to_string(parameters) + " parameters");
    if (devPairs > 0) {
        std::snprintf(line, sizeof line, "BLEU %.2f, chrF %.2f on %lld dev pairs (%s)", devBleu,
                      devChrf, static_cast<long long>(devPairs),
                      devBeam > 1 ? ("beam " + std::to_string(devBeam)).c_str() : "greedy");
        add("dev scores", line);
    } else {
        add("dev scores", "not recorded");
    }
    if (corpora.empty()) add("trained on", "unknown");
    for (size_t i = 0; i < corpora.size(); ++i) {
        const auto& c = corpora[i];
        const std::string data = c.data.empty() ? "unknown" : c.data;
        add(i == 0 ? "trained on" : "", c.title.empty() ? data : c.title + " (" + data + ")");
        add("  licence", c.licence.empty() ? "unknown" : c.licence);
        if (!c.attribution.empty()) add("  credit", c.attribution);
        if (!c.origin.empty()) add("  source", c.origin);
    }
    std::snprintf(line, sizeof line, "%lld pairs, %.1f epochs", static_cast<long long>(trainPairs),
                  epochs);
    add("", line);
    add("confidence", calibrated ? "calibrated (says how sure each output is)" : "not calibrated");
    add("made by", "Dari " + dariVersion + " on " + created + ", packed " + packed);
    int64_t bytes = 0;
    for (const auto& f : files)
        bytes += f.size;
    std::snprintf(line, sizeof line, "%zu files, %.1f MB, each with its SHA-256", files.size(),
                  bytes / 1e6);
    add("files", line);
    return s;
}

ModelCard packModel(const std::string& modelDir, const std::string& out,
                    const PackOptions& options) {
    if (!fs::is_directory(modelDir)) fail(modelDir, "not a model folder");
    const Config config = Config::load(modelDir + "/config.yaml");
    const BundleMeta meta = BundleMeta::load(modelDir);
    ModelCard card;
    card.name = options.name.empty() ? fs::path(modelDir).lexically_normal().filename().string()
                                     : options.name;
    if (card.name.empty()) card.name = fs::absolute(modelDir).lexically_normal().filename();
    if (!validModelName(card.name))
        fail(modelDir, "'" + card.name +
                           "' is not a valid model name (letters, digits, . _ -): give one with "
                           "--name");
    card.task = meta.task;
    card.srcLang = meta.srcLang;
    card.tgtLang = meta.tgtLang;
    card.network = networkSummary(config, meta.members);
    const bool transformer = config.model.architecture == "transformer";
    card.cell = transformer ? "transformer" : config.model.cell;  // what the card lists it as
    card.attention = transformer ? "multi-head" : config.model.attention;
    card.members = meta.members;
    card.parameters = meta.parameters;
    card.devBleu = meta.devBleu;
    card.devChrf = meta.devChrf;
    card.devBeam = meta.devBeam;
    card.devPairs = meta.devPairs;
    card.trainPairs = meta.trainPairs;
    card.epochs = meta.epochs;
    auto data = recordedTrainingData(modelDir, meta);
    if (data.empty() && !options.trainingData.empty())
        data.push_back(corpusLabel(options.trainingData));
    if (data.empty() && !options.dataLicence.empty()) data.push_back("");
    for (const auto& label : data) {
        ModelCard::Corpus corpus{label};
        if (const KnownCorpus* known = knownCorpusOf(label)) {
            corpus.title = known->title;
            corpus.origin = known->origin;
            corpus.licence = known->licence;
            corpus.attribution = known->attribution;
        }
        // --data-licence: for the corpora Dari does not know.
        if (corpus.licence.empty()) corpus.licence = options.dataLicence;
        card.corpora.push_back(corpus);
    }
    card.calibrated = meta.confidence.calibrated();
    card.dariVersion = meta.dariVersion;
    card.created = meta.created;
    card.packed = isoTimeNow();
    std::vector<std::string> names = kRequiredFiles;
    for (int64_t m = 2; m <= meta.members; ++m)
        names.push_back(memberFileName(m));
    for (const auto& name : names) {
        const std::string path = modelDir + "/" + name;
        if (!fs::is_regular_file(path)) fail(path, "missing; the model folder is incomplete");
        card.files.push_back({name, static_cast<int64_t>(fs::file_size(path)), sha256OfFile(path)});
    }
    // The card must read back as it will be read.
    ModelCard::fromJson(card.toJson(), out + ": manifest.json");

    writeFileAtomically(out, [&](std::ostream& stream) {
        std::unique_ptr<archive, WriterDeleter> writer(archive_write_new());
        archive_write_add_filter_gzip(writer.get());
        archive_write_set_format_pax_restricted(writer.get());
        auto write = [](archive*, void* client, const void* data, size_t n) -> la_ssize_t {
            static_cast<std::ostream*>(client)->write(static_cast<const char*>(data),
                                                      static_cast<std::streamsize>(n));
            return static_cast<la_ssize_t>(n);
        };
        if (archive_write_open(writer.get(), &stream, nullptr, write, nullptr) != ARCHIVE_OK)
            fail(out, archive_error_string(writer.get()));
        auto member = [&](const std::string& name, int64_t size, auto&& feed) {
            std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
            archive_entry_set_pathname(entry.get(), name.c_str());
            archive_entry_set_size(entry.get(), size);
            archive_entry_set_filetype(entry.get(), AE_IFREG);
            archive_entry_set_perm(entry.get(), 0644);
            archive_entry_set_mtime(entry.get(), std::time(nullptr), 0);
            if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK)
                fail(out, archive_error_string(writer.get()));
            feed([&](const char* data, size_t n) {
                if (archive_write_data(writer.get(), data, n) < 0)
                    fail(out, archive_error_string(writer.get()));
            });
        };
        const std::string manifest = card.toJson().dump(2) + "\n";
        member(kManifest, static_cast<int64_t>(manifest.size()),
               [&](auto&& put) { put(manifest.data(), manifest.size()); });
        for (const auto& file : card.files) {
            member(file.path, file.size, [&](auto&& put) {
                std::ifstream in(modelDir + "/" + file.path, std::ios::binary);
                std::vector<char> buffer(1 << 16);
                int64_t total = 0;
                while (in) {
                    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                    total += in.gcount();
                    put(buffer.data(), static_cast<size_t>(in.gcount()));
                }
                if (total != file.size) fail(modelDir + "/" + file.path, "changed while packing");
            });
        }
        if (archive_write_close(writer.get()) != ARCHIVE_OK)
            fail(out, archive_error_string(writer.get()));
    });
    return card;
}

ModelCard readModelCard(const std::string& archive) {
    ArchiveReader reader(archive);
    return readManifest(reader, archive);
}

ModelCard unpackModel(const std::string& archive, const std::string& outDir,
                      const UnpackOptions& options) {
    const fs::path target = fs::absolute(outDir).lexically_normal();
    if (fs::exists(target)) fail(outDir, "already exists; unpack into a new folder");
    fs::create_directories(target.parent_path());
    const std::string staging = temporarySibling(target, "unpacking");
    ModelCard card = stage(archive, staging, options);
    fs::rename(staging, target);
    return card;
}

ModelCard installModel(const std::string& archive, const std::string& modelsFolder,
                       const UnpackOptions& options) {
    const ModelCard preview = readModelCard(archive);
    const fs::path target = fs::absolute(fs::path(modelsFolder) / preview.name).lexically_normal();
    if (fs::exists(target) && !options.replace)
        fail(target.string(), "a model called '" + preview.name +
                                  "' is installed already; remove it first (dari models remove " +
                                  preview.name + ") or replace it (--replace)");
    fs::create_directories(target.parent_path());
    const std::string staging = temporarySibling(target, "installing");
    ModelCard card = stage(archive, staging, options);
    if (card.name != preview.name) fail(archive, "changed while it was read");
    if (fs::exists(target)) {
        const std::string old = temporarySibling(target, "replaced");
        fs::remove_all(old);
        fs::rename(target, old);
        fs::rename(staging, target);
        fs::remove_all(old);
    } else {
        fs::rename(staging, target);
    }
    return card;
}

void removeModel(const std::string& modelsFolder, const std::string& name) {
    if (!validModelName(name)) fail(name, "not a model name");
    const fs::path target = fs::path(modelsFolder) / name;
    if (!fs::is_regular_file(target / "meta.json"))
        fail(target.string(), "no model called '" + name + "' is installed there");
    const std::string aside = temporarySibling(target, "removing");
    fs::remove_all(aside);
    fs::rename(target, aside);
    fs::remove_all(aside);
}

}  // namespace dari
