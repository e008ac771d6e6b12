#include "model/network/parameter_count.h"

#include <torch/torch.h>

#include "model/network/seq2seq.h"

namespace dari {

int64_t countParameters(const ModelConfig& config, int64_t srcVocab, int64_t tgtVocab) {
    // Weight initialisation draws from the global generator: keep callers' streams intact.
    at::Generator generator = at::detail::getDefaultCPUGenerator();  // a handle to the global one
    const auto state = generator.get_state();
    const Seq2Seq model(config, srcVocab, tgtVocab);
    generator.set_state(state);
    return model->parameterCount();
}

}  // namespace dari
