#include "model/bundle/bundle_placeholders.h"

#include "data/placeholders.h"

namespace dari {

std::vector<std::pair<int64_t, int64_t>> bundlePlaceholders(const Bundle& bundle) {
    const auto& data = bundle.config.data;
    if (!data.placeholders || data.task != "translate") return {};
    return placeholderPieces(bundle.src, bundle.tgt);
}

}  // namespace dari
