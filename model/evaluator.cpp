#include "model/evaluator.h"

#include "model/bleu.h"
#include "model/chrf.h"
#include "model/decoding.h"

namespace dari {

torch::Tensor sequenceLoss(const torch::Tensor& logits, const torch::Tensor& targets, double labelSmoothing) {
    namespace F = torch::nn::functional;
    const auto total = F::cross_entropy(logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}),
                                        F::CrossEntropyFuncOptions()
                                            .ignore_index(kPadId)
                                            .label_smoothing(labelSmoothing)
                                            .reduction(torch::kSum));
    return total / targets.ne(kPadId).sum().clamp_min(1);
}

torch::Tensor trainingLoss(Seq2Seq& model, const ForwardResult& result, const torch::Tensor& targets,
                           double labelSmoothing) {
    if (!result.outputs.defined()) return sequenceLoss(result.logits, targets, labelSmoothing);
    const auto flat = targets.reshape({-1});
    const auto real = flat.ne(kPadId).nonzero().squeeze(1);
    const auto outputs = result.outputs.reshape({-1, result.outputs.size(-1)}).index_select(0, real);
    return sequenceLoss(model->decoder->logits(outputs), flat.index_select(0, real), labelSmoothing);
}

DevScores evaluate(Seq2Seq& model, const std::vector<Example>& examples,
                   const std::vector<std::string>& references, const Vocabulary& tgt, int batchSize) {
    torch::InferenceMode inference;
    model->eval();
    DevScores scores;
    scores.hypotheses.resize(examples.size());
    double lossSum = 0.0;
    int64_t tokens = 0;
    DecodeOptions greedy;
    greedy.noRepeatNgram = 0;  // validation measures the model itself
    for (size_t start = 0; start < examples.size(); start += batchSize) {
        std::vector<size_t> indices;
        for (size_t i = start; i < std::min(examples.size(), start + batchSize); ++i) indices.push_back(i);
        const auto batch = makeBatch(examples, indices);
        const auto result = model->forward(batch.src, batch.lengths, batch.tgtIn);
        lossSum += sequenceLoss(result.logits, batch.tgtOut, 0.0).item<double>() * batch.targetTokens;
        tokens += batch.targetTokens;
        const auto hypotheses = greedyDecode(model, batch, greedy);
        for (size_t k = 0; k < indices.size(); ++k)
            scores.hypotheses[indices[k]] = tgt.decode(hypotheses[k].front().ids);
    }
    scores.loss = tokens > 0 ? lossSum / tokens : 0.0;
    scores.bleu = corpusBleu(scores.hypotheses, references).score;
    scores.chrf = corpusChrf(scores.hypotheses, references);
    model->train();
    return scores;
}

}  // namespace dari
