#include "model/bundle/model_locations.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace dari {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string dataHome() {
    const std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty() && fs::path(xdg).is_absolute()) return xdg;
    return env("HOME") + "/.local/share";
}

}  // namespace

std::vector<std::string> xdgDataDirs() {
    std::string list = env("XDG_DATA_DIRS");
    if (list.empty()) list = "/usr/local/share:/usr/share";
    std::vector<std::string> dirs;
    for (size_t start = 0; start <= list.size();) {
        const size_t end = std::min(list.find(':', start), list.size());
        const std::string dir = list.substr(start, end - start);
        // The XDG specification ignores relative entries.
        if (!dir.empty() && fs::path(dir).is_absolute()) dirs.push_back(dir);
        start = end + 1;
    }
    return dirs;
}

std::string sourceTreeFolder() {
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (error) return {};
    // <source>/<build>/bin/dari: a build folder has its CMakeCache.txt, the source tree its
    // models/ (which may not exist yet: ./run.sh models creates it).
    const fs::path build = exe.parent_path().parent_path();
    const fs::path source = build.parent_path();
    if (exe.parent_path().filename() != "bin" || !fs::exists(build / "CMakeCache.txt", error) ||
        !fs::exists(source / "configs" / "ko-en.yaml", error))
        return {};
    return source.string();
}

std::string sourceTreeModelsFolder() {
    const std::string source = sourceTreeFolder();
    return source.empty() ? std::string() : (fs::path(source) / "models").string();
}

std::vector<std::string> modelSearchPath() {
    std::vector<std::string> path;
    auto add = [&](const std::string& dir) {
        if (dir.empty()) return;
        const std::string clean = fs::path(dir).lexically_normal().string();
        for (const auto& known : path)
            if (known == clean) return;
        path.push_back(clean);
    };
    add(env("DARI_MODELS"));
    add(dataHome() + "/dari/models");
    for (const auto& dir : xdgDataDirs())
        add(dir + "/dari/models");
    add(sourceTreeModelsFolder());
    return path;
}

std::string userModelsFolder() {
    const std::string models = env("DARI_MODELS");
    if (!models.empty()) return models;
    return dataHome() + "/dari/models";
}

std::optional<std::string> findModel(const std::string& name) {
    if (!validModelName(name)) return std::nullopt;
    std::error_code error;
    for (const auto& dir : modelSearchPath()) {
        const fs::path candidate = fs::path(dir) / name;
        if (fs::is_regular_file(candidate / "meta.json", error)) return candidate.string();
    }
    return std::nullopt;
}

std::string resolveModel(const std::string& nameOrPath) {
    std::error_code error;
    if (nameOrPath.find('/') != std::string::npos || fs::is_directory(nameOrPath, error))
        return nameOrPath;
    if (auto found = findModel(nameOrPath)) return *found;
    std::string searched;
    for (const auto& dir : modelSearchPath())
        searched += (searched.empty() ? "" : ", ") + dir;
    throw std::runtime_error("no model called '" + nameOrPath + "' in " + searched +
                             " (dari models lists the installed ones)");
}

bool validModelName(const std::string& name) {
    if (name.empty() || name.size() > 64 || name[0] == '.') return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace dari
