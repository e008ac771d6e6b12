#pragma once
// Small helpers shared by the engine tests.

#include <sys/resource.h>

#include <csignal>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace helpers {

// The message of the std::runtime_error `f` throws, or "" if it throws none.
template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

// One side of a TSV corpus (0: sources, 1: targets).
inline std::vector<std::string> tsvColumn(const std::string& path, int column) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        out.push_back(column == 0 ? line.substr(0, tab) : line.substr(tab + 1));
    }
    return out;
}

// While one lives, no file of this process may grow, as on a full disk (writes fail
// with EFBIG instead of ENOSPC; SIGXFSZ is ignored so that they fail, not kill).
class NoFileGrowth {
public:
    NoFileGrowth() {
        std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &saved_);
        rlimit none = saved_;
        none.rlim_cur = 0;
        setrlimit(RLIMIT_FSIZE, &none);
    }
    ~NoFileGrowth() { setrlimit(RLIMIT_FSIZE, &saved_); }
    NoFileGrowth(const NoFileGrowth&) = delete;
    NoFileGrowth& operator=(const NoFileGrowth&) = delete;

private:
    rlimit saved_{};
};

}  // namespace helpers
