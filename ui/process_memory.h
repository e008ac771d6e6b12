#pragma once
// This process's resident memory (/proc/self/status) and the malloc set-up of the window.

namespace dari {

struct ProcessMemory {
    double rssMiB = 0.0;   // VmRSS: resident now (= anonymous + file-backed + shared memory)
    double hwmMiB = 0.0;   // VmHWM: the peak resident set so far
    double anonMiB = 0.0;  // RssAnon: heap, weights, thread stacks
    double fileMiB = 0.0;  // RssFile: pages of mapped files (shared libraries, fonts)
};

ProcessMemory readProcessMemory();

// glibc gives every thread that calls malloc its own 64 MiB arena (up to 8 per core);
// the window's threads (GUI, engine, Qt's helpers, OpenBLAS) each keep freed memory
// in theirs. Call before any thread starts. `arenas` <= 0 keeps glibc's default.
// dari-chat keeps it: bench/bench_window --arenas 2 measured the same resident memory
// with both models loaded (265 MiB), so there is nothing to gain.
void limitMallocArenas(int arenas);

}  // namespace dari
