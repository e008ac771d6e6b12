#include "app/model_options.h"

#include "app/arguments.h"
#include "model/bundle/model_locations.h"
#include "model/device.h"

namespace dari {

namespace {

DecodeOptions overridden(DecodeOptions o, const Arguments& args) {
    o.beam = args.getInt("beam", o.beam, 1, 100);
    o.nbest = args.getInt("nbest", 1, 1, 100);
    if (o.nbest > o.beam)
        throw std::runtime_error("--nbest must not exceed --beam (" + std::to_string(o.beam) + ")");
    o.maxLengthRatio = args.getDouble("max-length-ratio", o.maxLengthRatio, 0.1, 100);
    o.noRepeatNgram = args.getInt("no-repeat-ngram", o.noRepeatNgram, 0, 100);
    o.lengthPenalty = args.getDouble("length-penalty", o.lengthPenalty, 0, 10);
    o.wordReward = args.getDouble("word-reward", o.wordReward, -10, 10);
    o.temperature = args.getDouble("temperature", o.temperature, 0.01, 100);
    o.topK = args.getInt("top-k", o.topK, 0, 1000000);
    o.topP = args.getDouble("top-p", o.topP, 0.01, 1);
    o.seed = static_cast<uint64_t>(args.getInt("seed", 0, 0, 2147483647));
    if (args.has("frequent-replies")) {
        const std::string value = args.get("frequent-replies");
        if (value != "avoid" && value != "allow")
            throw std::runtime_error("--frequent-replies must be avoid or allow, not '" + value +
                                     "'");
        o.avoidFrequentReplies = value == "avoid";
    }
    return o;
}

}  // namespace

DecodeOptions decodeOptions(const Translator& translator, const Arguments& args) {
    return overridden(translator.defaultOptions(), args);
}

void checkDecodeOptions(const Arguments& args) {
    DecodeOptions widest;
    widest.beam = 100;  // --nbest is checked against the model's beam once it is loaded
    overridden(widest, args);
    args.getInt("batch", 32, 1, 4096);
    if (args.has("device")) resolveDevice(args.get("device"), "--device");
}

std::string modelDir(const Arguments& args) {
    return resolveModel(args.require("model"));
}

Translator loadTranslator(const Arguments& args) {
    const std::string dir = modelDir(args);
    auto bundle = std::make_shared<Bundle>(Bundle::load(dir));
    const bool given = args.has("device");
    bundle->to(resolveDevice(given ? args.get("device") : bundle->config.decode.device,
                             given ? "--device" : dir + "/config.yaml: decode.device"));
    return Translator(std::move(bundle));
}

}  // namespace dari
