#include "data/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <streambuf>
#include <vector>

namespace dari {
namespace {

// A stream buffer over a file descriptor that remembers the first failed write (its
// errno) instead of failing the stream, and drops what comes after it.
class FileSink : public std::streambuf {
public:
    explicit FileSink(int fd) : fd_(fd), buffer_(1 << 16) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    int error() const { return error_; }
    // Writes out what is buffered; false (and error() set) if the file could not take it.
    bool drain() {
        const char* data = pbase();
        size_t left = static_cast<size_t>(pptr() - pbase());
        while (left > 0 && error_ == 0) {
            const ssize_t n = ::write(fd_, data, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                error_ = n < 0 ? errno : ENOSPC;
            } else {
                data += n;
                left -= static_cast<size_t>(n);
            }
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return error_ == 0;
    }

protected:
    int_type overflow(int_type c) override {
        drain();
        if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }
    int sync() override {
        drain();
        return 0;
    }

private:
    int fd_;
    std::vector<char> buffer_;
    int error_ = 0;
};

std::runtime_error failure(const std::string& path, const std::string& what, int error) {
    return std::runtime_error(path + ": " + what + " (" + std::strerror(error) + ")");
}

// The folder's entry for the renamed file, on disk too (a power cut keeps the new file).
void syncFolder(const std::string& path) {
    const auto folder = std::filesystem::path(path).parent_path();
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;  // nothing to sync through: the file itself is synced
    const int result = ::fsync(fd), error = errno;
    ::close(fd);
    // Some file systems cannot sync a folder (EINVAL): the rename stands as it is.
    if (result != 0 && error != EINVAL) throw failure(path, "cannot sync its folder", error);
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::string& contents) {
    writeFileAtomically(path,
                        [&](std::ostream& out) { out.write(contents.data(), contents.size()); });
}

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw failure(path, "cannot write", errno);
    const auto abandon = [&] {
        ::close(fd);
        ::unlink(temporary.c_str());
    };
    FileSink sink(fd);
    try {
        std::ostream out(&sink);
        write(out);
        out.flush();
    } catch (const std::exception& e) {
        abandon();
        if (sink.error() != 0) throw failure(path, "cannot write", sink.error());
        throw std::runtime_error(path + ": cannot write (" + e.what() + ")");
    }
    int error = sink.drain() ? 0 : sink.error();
    // fsync, so that the rename below never exposes an empty file after a power cut.
    if (error == 0 && ::fsync(fd) != 0) error = errno;
    if (error != 0) {
        abandon();
        throw failure(path, "cannot write", error);
    }
    if (::close(fd) != 0) {
        error = errno;
        ::unlink(temporary.c_str());
        throw failure(path, "cannot write", error);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        error = errno;
        ::unlink(temporary.c_str());
        throw failure(path, "cannot replace", error);
    }
    syncFolder(path);
}

}  // namespace dari
