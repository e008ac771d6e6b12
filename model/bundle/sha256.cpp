#include "model/bundle/sha256.h"

#include <nettle/sha2.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace dari {

struct Sha256::State {
    sha256_ctx context;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    sha256_init(&state_->context);
}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, size_t size) {
    sha256_update(&state_->context, size, static_cast<const uint8_t*>(data));
}

std::string Sha256::hex() {
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&state_->context, sizeof digest, digest);  // also re-initialises
    static const char* digits = "0123456789abcdef";
    std::string text;
    for (const uint8_t byte : digest) {
        text += digits[byte >> 4];
        text += digits[byte & 15];
    }
    return text;
}

std::string sha256OfFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error(path + ": cannot be read");
    Sha256 sha;
    std::vector<char> buffer(1 << 16);
    while (file) {
        file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        sha.update(buffer.data(), static_cast<size_t>(file.gcount()));
    }
    if (file.bad()) throw std::runtime_error(path + ": read error");
    return sha.hex();
}

}  // namespace dari
