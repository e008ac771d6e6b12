#pragma once
// The `dari` commands and their options, each written once: the parser, `--help`
// and the mapping of `dari train`'s options onto config settings all read this table.

#include <string>
#include <vector>

namespace dari {

class Arguments;

struct Option {
    const char* name;   // without the leading "--"
    const char* value;  // the value's placeholder in --help ("N", "DIR"); nullptr: a flag
    const char* help;   // may hold '\n' for more lines
    // dari train: the config settings this option sets. Each gets the value, or with
    // splitValue "A,B" gives A to the first and B to the second.
    std::vector<const char*> configKeys = {};
    bool splitValue = false;
    bool repeatable = false;  // may be given more than once (in order: Arguments::ordered)
    bool onResume = false;    // dari train --resume accepts it (the others are refused)
};

struct Command {
    const char* name;
    const char* summary;  // one line in `dari --help`
    const char* usage;    // the usage lines and what the command does
    std::vector<Option> options;
    int (*run)(const Arguments& args);
    // Words it takes that are not options (dari models install FILE): at most this many.
    int maxWords = 0;
};

// Every command, in the order `dari --help` lists them. Each accepts --threads and --help.
const std::vector<Command>& commands();
const Command* findCommand(const std::string& name);
// The option of a command by name; nullptr if it has none.
const Option* findOption(const Command& command, const std::string& name);

// `dari COMMAND --help`: usage, then each option with its help (and, for config
// settings, the setting and its default).
std::string commandHelp(const Command& command);
// `dari --help`.
std::string mainHelp();
// `dari --help-all`: the main help, then every command's (the man page is made from it).
std::string fullHelp();

}  // namespace dari
