#include "model/training/loss.h"

#include "data/vocabulary.h"

namespace dari {

torch::Tensor sequenceLoss(const torch::Tensor& logits, const torch::Tensor& targets,
                           double labelSmoothing) {
    namespace F = torch::nn::functional;
    const auto total =
        F::cross_entropy(logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}),
                         F::CrossEntropyFuncOptions()
                             .ignore_index(kPadId)
                             .label_smoothing(labelSmoothing)
                             .reduction(torch::kSum));
    return total / targets.ne(kPadId).sum().clamp_min(1);
}

torch::Tensor trainingLoss(Seq2Seq& model, const ForwardResult& result,
                           const torch::Tensor& targets, double labelSmoothing) {
    if (!result.outputs.defined()) return sequenceLoss(result.logits, targets, labelSmoothing);
    const auto flat = targets.reshape({-1});
    const auto real = flat.ne(kPadId).nonzero().squeeze(1);
    const auto outputs =
        result.outputs.reshape({-1, result.outputs.size(-1)}).index_select(0, real);
    return sequenceLoss(model->logits(outputs), flat.index_select(0, real), labelSmoothing);
}

}  // namespace dari
