#pragma once
// A command line read against a command's option table (app/option_table.h):
// `--name value`, `--name=value` and `--flag`.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dari {

struct Command;

class Arguments {
public:
    // argv[first..] against command's options (given twice, the last value counts).
    // Throws std::runtime_error on an unknown option, a missing value or a value given
    // to a flag.
    Arguments(int argc, char** argv, int first, const Command& command);

    const Command& command() const { return *command_; }
    bool has(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback = "") const;
    std::string require(const std::string& name) const;
    int getInt(const std::string& name, int fallback, int min, int max) const;
    double getDouble(const std::string& name, double fallback, double min, double max) const;
    // The words given that are not options, in order (Command::maxWords).
    const std::vector<std::string>& words() const { return words_; }
    // Every value a (repeatable) option was given, in order.
    std::vector<std::string> getAll(const std::string& name) const;
    // Every option as given, in order (repeatable ones once per use).
    const std::vector<std::pair<std::string, std::string>>& ordered() const { return ordered_; }

private:
    const Command* command_;
    std::map<std::string, std::string> values_;
    std::vector<std::pair<std::string, std::string>> ordered_;
    std::vector<std::string> words_;
};

}  // namespace dari
