#pragma once
// Writing files so that a crash, a full disk or a failing writer never leaves a
// half-written one behind.

#include <functional>
#include <ostream>
#include <string>

namespace dari {

// Writes `contents` to `path` through a temporary file in the same folder, synced to
// disk, renamed over `path`, and the folder synced. On any failure (cannot create,
// disk full, the writer throws) the temporary file is removed, `path` keeps its old
// contents, and std::runtime_error names the file and the cause.
void writeFileAtomically(const std::string& path, const std::string& contents);

// The same, for writers that stream (torch::save, for instance). The stream never
// reports a failed write to `write` (LibTorch's archive writer aborts the process when
// it does); the failure is raised after `write` returns.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace dari
