#pragma once
// The replies a chatbot can give to anything: the most frequent target sides of its training
// corpus ("맛있게 드세요." is a training reply 22 times in chatbot-ko). Saved in a chat model's
// meta.json; decoding prefers another beam hypothesis to one of them
// (decode.avoid_frequent_replies), and bench/generic_replies.sh measures how often replies are one
// of them.

#include <cstddef>
#include <string>
#include <vector>

#include "data/corpus.h"

namespace dari {

inline constexpr size_t kFrequentReplies = 20;

// The `count` most frequent targets (trimmed, each at least twice), most frequent first; ties in
// the order they first appear.
std::vector<std::string> mostFrequentReplies(const std::vector<SentencePair>& pairs,
                                             size_t count = kFrequentReplies);

}  // namespace dari
