#include "app/arguments.h"

#include "app/option_table.h"

#include <cstdio>
#include <stdexcept>

namespace dari {
namespace {

// 0.1 and 100 rather than 0.100000 and 100.000000.
std::string shortNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

}  // namespace

Arguments::Arguments(int argc, char** argv, int first, const Command& command)
    : command_(&command) {
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) {
            if (static_cast<int>(words_.size()) >= command.maxWords)
                throw std::runtime_error("unexpected argument '" + arg + "'");
            words_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2), value;
        const auto eq = name.find('=');
        const bool inlineValue = eq != std::string::npos;
        if (inlineValue) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const Option* option = findOption(command, name);
        if (!option) throw std::runtime_error("unknown option --" + name);
        if (!option->value) {
            if (inlineValue) throw std::runtime_error("--" + name + " takes no value");
            value = "true";
        } else if (!inlineValue) {
            if (i + 1 >= argc) throw std::runtime_error("--" + name + " needs a value");
            value = argv[++i];
        }
        values_[name] = value;
        ordered_.emplace_back(name, value);
    }
}

bool Arguments::has(const std::string& name) const {
    return values_.count(name) > 0;
}

std::string Arguments::get(const std::string& name, const std::string& fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> Arguments::getAll(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [option, value] : ordered_)
        if (option == name) out.push_back(value);
    return out;
}

std::string Arguments::require(const std::string& name) const {
    if (!has(name)) throw std::runtime_error("--" + name + " is required");
    return get(name);
}

int Arguments::getInt(const std::string& name, int fallback, int min, int max) const {
    if (!has(name)) return fallback;
    const std::string text = get(name);
    size_t used = 0;
    long value = 0;
    try {
        value = std::stol(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || value < min || value > max)
        throw std::runtime_error("--" + name + " must be a whole number from " +
                                 std::to_string(min) + " to " + std::to_string(max) + ", not '" +
                                 text + "'");
    return static_cast<int>(value);
}

double Arguments::getDouble(const std::string& name, double fallback, double min,
                            double max) const {
    if (!has(name)) return fallback;
    const std::string text = get(name);
    size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || !(value >= min && value <= max))
        throw std::runtime_error("--" + name + " must be a number from " + shortNumber(min) +
                                 " to " + shortNumber(max) + ", not '" + text + "'");
    return value;
}

}  // namespace dari
