#pragma once
// Whether a bundle translates with placeholders (data/placeholders.h), written once for the
// translator, validation and dari ensemble.

#include <cstdint>
#include <utility>
#include <vector>

#include "model/bundle/bundle.h"

namespace dari {

// (source id, target id) of the placeholder pieces when `bundle` is a translation model trained
// with them (data.placeholders, and both vocabularies hold them); else empty: its texts are
// translated as they are.
std::vector<std::pair<int64_t, int64_t>> bundlePlaceholders(const Bundle& bundle);

}  // namespace dari
