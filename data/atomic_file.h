#pragma once
// Writing files so that a crash never leaves a half-written one behind.

#include <functional>
#include <ostream>
#include <string>

namespace dari {

// Writes `contents` to `path` through a temporary file in the same folder,
// flushed to disk and renamed over `path`. Throws std::runtime_error naming the file.
void writeFileAtomically(const std::string& path, const std::string& contents);

// The same, for writers that stream (torch::save, for instance).
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace dari
