#pragma once
// Loading a bundle and reading decoding options shared by translate, eval and chat.

#include <memory>
#include <string>

#include "app/arguments.h"
#include "model/translator.h"

namespace dari {

// The decoding options an Arguments overrides: --beam, --nbest, --max-length-ratio,
// --no-repeat-ngram, --length-penalty, --temperature, --top-k, --top-p, --seed.
const std::set<std::string>& decodeOptionNames();
DecodeOptions decodeOptions(const Translator& translator, const Arguments& args);

Translator loadTranslator(const std::string& dir);

}  // namespace dari
