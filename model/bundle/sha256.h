#pragma once
// SHA-256 (Nettle's), for the checksums of a packed model's files.

#include <cstddef>
#include <memory>
#include <string>

namespace dari {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, size_t size);
    // The digest of everything given, as 64 lowercase hex digits; resets the state.
    std::string hex();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The SHA-256 of a file's contents; throws std::runtime_error naming an unreadable file.
std::string sha256OfFile(const std::string& path);

}  // namespace dari
