#pragma once
// A tiny translate bundle (vocabularies of 40 pieces, 8-wide GRU) made in a moment: the
// template the bundle and model-archive fuzz targets start from.

#include <torch/torch.h>

#include "model/bundle/bundle.h"

namespace fuzz {

inline dari::Bundle tinyBundle() {
    const std::vector<std::string> ko = {"안녕하세요", "고마워요", "사랑해요",   "괜찮아요",
                                         "잘 자요",    "배고파요", "어디 가요?", "좋아요"};
    const std::vector<std::string> en = {"hello",      "thanks",      "i love you", "it is fine",
                                         "good night", "i am hungry", "where to?",  "good"};
    dari::VocabularyOptions vocab;
    vocab.size = 40;
    vocab.characterCoverage = 1.0;
    vocab.threads = 1;
    dari::Bundle b;
    b.config.data.srcVocabSize = b.config.data.tgtVocabSize = vocab.size;
    b.config.model.cell = "gru";
    b.config.model.embeddingSize = b.config.model.encoderHidden = 8;
    b.config.model.decoderHidden = b.config.model.attentionSize = 8;
    b.config.model.dropout = 0.0;
    b.src = dari::Vocabulary::train(ko, vocab);
    b.tgt = dari::Vocabulary::train(en, vocab);
    torch::manual_seed(1);
    b.model = dari::Seq2Seq(b.config.model, b.src.size(), b.tgt.size());
    b.meta.srcLang = "ko";
    b.meta.tgtLang = "en";
    return b;
}

}  // namespace fuzz
