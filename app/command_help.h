#pragma once
// The text `dari COMMAND --help` prints.

#include <string>

namespace dari {

// Usage and options of one subcommand; nullptr for an unknown command.
const char* commandHelp(const std::string& command);

}  // namespace dari
