#include "ui/process_memory.h"

#include <malloc.h>

#include <fstream>
#include <sstream>
#include <string>

namespace dari {

ProcessMemory readProcessMemory() {
    ProcessMemory m;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        std::istringstream fields(line);
        std::string key;
        double kib = 0.0;
        fields >> key >> kib;
        if (key == "VmRSS:") m.rssMiB = kib / 1024.0;
        if (key == "VmHWM:") m.hwmMiB = kib / 1024.0;
        if (key == "RssAnon:") m.anonMiB = kib / 1024.0;
        if (key == "RssFile:") m.fileMiB = kib / 1024.0;
    }
    return m;
}

void limitMallocArenas(int arenas) {
    if (arenas > 0) mallopt(M_ARENA_MAX, arenas);
}

}  // namespace dari
