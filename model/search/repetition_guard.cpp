// The repetition guard and the pieces that are never outputs.

#include "model/search/repetition_guard.h"

#include <algorithm>
#include <limits>

#include "data/vocabulary.h"

namespace dari {

void banSpecialPieces(torch::Tensor& logProbs) {
    logProbs.select(1, kPadId).fill_(-std::numeric_limits<float>::infinity());
    logProbs.select(1, kBosId).fill_(-std::numeric_limits<float>::infinity());
    // <unk> would read as SentencePiece's "⁇" in the text: the next likeliest piece instead.
    logProbs.select(1, kUnkId).fill_(-std::numeric_limits<float>::infinity());
}

std::vector<int64_t> bannedPieces(const std::vector<int64_t>& history, int noRepeatNgram) {
    std::vector<int64_t> banned;
    if (noRepeatNgram <= 0) return banned;  // the guard is off
    const size_t n = history.size();
    if (n >= 2 && history[n - 1] == history[n - 2]) banned.push_back(history[n - 1]);
    if (n + 1 < static_cast<size_t>(noRepeatNgram)) return banned;
    const size_t prefix = noRepeatNgram - 1;
    // Every earlier occurrence of the last (n-1)-gram bans the piece that followed it.
    for (size_t start = 0; start + prefix < n; ++start) {
        if (std::equal(history.begin() + start, history.begin() + start + prefix,
                       history.end() - prefix))
            banned.push_back(history[start + prefix]);
    }
    return banned;
}

}  // namespace dari
