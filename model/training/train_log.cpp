#include "model/training/train_log.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace dari {

TrainLog::TrainLog(const std::string& path, bool progressBar, bool jsonOnStdout)
    : file_(path, std::ios::app),
      bar_(progressBar && ::isatty(STDERR_FILENO)),
      json_(jsonOnStdout) {
    if (!file_) throw std::runtime_error(path + ": cannot write the training log");
}

TrainLog::TrainLog() : silent_(true) {}

void TrainLog::event(const nlohmann::json& event) {
    if (!silent_) {
        const std::string line = event.dump();
        file_ << line << '\n';
        file_.flush();
        if (json_) std::cout << line << std::endl;
    }
    if (listener) listener(event);
}

void TrainLog::transient(const nlohmann::json& event) {
    if (!silent_ && json_) std::cout << event.dump() << std::endl;
    if (listener) listener(event);
}

namespace {
std::string clock(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "--:--";
    const long s = std::lround(seconds);
    char buffer[32];
    if (s >= 3600)
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%02ld:%02ld", s / 60, s % 60);
    return buffer;
}
}  // namespace

void TrainLog::progress(double fraction, double elapsed, const std::string& detail) {
    if (!bar_) return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int width = 28, filled = static_cast<int>(fraction * width);
    const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : NAN;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r[%s] %5.1f%% %s<%s %s\033[K", bar.c_str(), 100 * fraction,
                 clock(elapsed).c_str(), clock(eta).c_str(), detail.c_str());
    std::fflush(stderr);
    barShown_ = true;
}

void TrainLog::message(const std::string& text) {
    if (silent_) return;
    if (barShown_) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "%s\n", text.c_str());
}

}  // namespace dari
