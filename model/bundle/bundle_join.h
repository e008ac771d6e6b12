#pragma once
// Joining trained bundles into one ensemble bundle (`dari ensemble`).

#include <string>
#include <vector>

#include "model/bundle/bundle.h"

namespace dari {

// One bundle whose networks are all of the members' networks (a member that is
// itself an ensemble brings all of its own), first member first. The members must
// share the task, languages, vocabularies (the same SentencePiece models) and network settings:
// train the others with `dari train --vocab-from FIRST`. Config and vocabularies
// come from the first; meta.json adds the members' parameters, steps and training
// time, and leaves the dev scores to the caller. `dirs` name the members in errors.
Bundle joinBundles(std::vector<Bundle> members, const std::vector<std::string>& dirs);

}  // namespace dari
