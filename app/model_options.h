#pragma once
// Loading a bundle and reading decoding options shared by translate, eval and chat.

#include <memory>
#include <string>

#include "model/translator.h"

namespace dari {

class Arguments;

// The model's decoding settings with the decode options given (app/option_table.cpp:
// --beam, --nbest, --length-penalty, ...) laid over them.
DecodeOptions decodeOptions(const Translator& translator, const Arguments& args);
// The same checks before a model is loaded, so that a bad value is said at once.
void checkDecodeOptions(const Arguments& args);

// --model: a folder, or the name of a model on the search path (model/bundle/model_locations.h).
std::string modelDir(const Arguments& args);

// The bundle of --model on the device of --device (default: its decode.device).
Translator loadTranslator(const Arguments& args);

}  // namespace dari
