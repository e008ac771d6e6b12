#pragma once
// A small command-line parser: `--name value`, `--name=value` and `--flag`.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace dari {

class Arguments {
public:
    // `flags` take no value; every other known option takes one. Throws
    // std::runtime_error on an unknown option or a missing value.
    Arguments(int argc, char** argv, int first, const std::set<std::string>& options,
              const std::set<std::string>& flags);

    bool has(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback = "") const;
    std::string require(const std::string& name) const;
    int getInt(const std::string& name, int fallback, int min, int max) const;
    double getDouble(const std::string& name, double fallback, double min, double max) const;
    const std::vector<std::pair<std::string, std::string>>& ordered() const { return ordered_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::pair<std::string, std::string>> ordered_;
};

}  // namespace dari
