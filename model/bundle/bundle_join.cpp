#include "model/bundle/bundle_join.h"

#include <stdexcept>

namespace dari {
namespace {

// Why `other` cannot join `first`, or "".
std::string mismatch(const Bundle& first, const std::string& firstDir, const Bundle& other,
                     const std::string& otherDir) {
    for (const auto& key : Config::keys()) {
        const bool shared = key.rfind("model.", 0) == 0 || key == "data.task" ||
                            key == "data.src_lang" || key == "data.tgt_lang";
        if (shared && first.config.get(key) != other.config.get(key))
            return otherDir + ": " + key + " is " + other.config.get(key) + " but " +
                   first.config.get(key) + " in " + firstDir +
                   " (an ensemble's members share one network shape and task)";
    }
    for (const bool source : {true, false}) {
        const char* file = source ? "/src.spm" : "/tgt.spm";
        const auto& a = source ? first.src : first.tgt;
        const auto& b = source ? other.src : other.tgt;
        if (a.serialized() != b.serialized())
            return otherDir + file + " differs from " + firstDir + file +
                   " (members need the same vocabularies: train them with dari train "
                   "--vocab-from " +
                   firstDir + ")";
    }
    return "";
}

}  // namespace

Bundle joinBundles(std::vector<Bundle> members, const std::vector<std::string>& dirs) {
    if (members.empty() || members.size() != dirs.size())
        throw std::invalid_argument("joinBundles: no members");
    // Every check first: members[0] is moved into the result below.
    for (size_t m = 1; m < members.size(); ++m) {
        const auto why = mismatch(members.front(), dirs.front(), members[m], dirs[m]);
        if (!why.empty()) throw std::runtime_error(why);
    }
    std::vector<Seq2Seq> networks;
    for (const auto& member : members)
        for (const auto& network : member.networks())
            networks.push_back(network);
    if (networks.size() < 2) throw std::runtime_error("an ensemble needs at least two networks");
    BundleMeta total;  // of all members together
    for (const auto& member : members) {
        total.parameters += member.meta.parameters;
        total.steps += member.meta.steps;
        total.epochs += member.meta.epochs;
        total.trainingSeconds += member.meta.trainingSeconds;
    }
    Bundle joined = std::move(members.front());
    joined.moreMembers.assign(networks.begin() + 1, networks.end());
    joined.meta.parameters = total.parameters;
    joined.meta.steps = total.steps;
    joined.meta.epochs = total.epochs;
    joined.meta.trainingSeconds = total.trainingSeconds;
    joined.meta.members = static_cast<int64_t>(networks.size());
    joined.meta.devBleu = joined.meta.devChrf = joined.meta.devLoss = 0.0;
    joined.meta.devPairs = 0;
    joined.meta.devBeam = 0;
    joined.meta.created = isoTimeNow();
    return joined;
}

}  // namespace dari
