#pragma once
// Placeholders (data/placeholders.h) stand for a number, a Latin word, a URL of the source: the
// search must output each one its source holds, at most as often as it stands there, and no
// other — else the number would be lost or invented. Whatever the network prefers, a row may not
// end (</s>) while one is missing, and when only as many pieces are left as are missing, only
// those may come.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "data/batch.h"
#include "model/search/search.h"

namespace dari {

class PlaceholderConstraint {
public:
    // Row r of the search belongs to source r / rowsPerSource (beam search: the beam size).
    PlaceholderConstraint(const Batch& sources, const DecodeOptions& options,
                          int64_t rowsPerSource = 1);

    // Bans, in row r's log-probabilities [V], what would break the constraint after `history`
    // (the row's output so far); `piecesLeft` counts this step's piece.
    void apply(at::TensorAccessor<float, 1> logProbs, int64_t row,
               const std::vector<int64_t>& history, int64_t piecesLeft) const;

private:
    std::vector<int64_t> targetIds_;       // of each placeholder
    std::vector<std::vector<int>> quota_;  // per source: how often each placeholder stands there
    int64_t rowsPerSource_;
};

}  // namespace dari
