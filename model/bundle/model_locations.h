#pragma once
// Where models are found by name: the one search order of `dari --model NAME`, `dari models`
// and the window's model picker.
//
//   1. $DARI_MODELS                       a folder the user names
//   2. $XDG_DATA_HOME/dari/models          (default ~/.local/share/dari/models): installed by the
//   user
//   3. DIR/dari/models for each DIR of $XDG_DATA_DIRS (default /usr/local/share:/usr/share):
//      packaged models (/usr/share/dari/models)
//   4. the source tree's models/, when the program runs from a build folder inside it
//      (./run.sh models trains there)

#include <optional>
#include <string>
#include <vector>

namespace dari {

// The folders above that are named (existing or not), in order, each once.
std::vector<std::string> modelSearchPath();

// Where `dari models install` and the window's imports put a model: $DARI_MODELS if set,
// else $XDG_DATA_HOME/dari/models.
std::string userModelsFolder();

// The source tree when this executable runs from <source>/<build>/bin; empty if not.
std::string sourceTreeFolder();
// Its models/ (which may not exist yet); empty if not in a source tree.
std::string sourceTreeModelsFolder();
// $XDG_DATA_DIRS' absolute entries (default /usr/local/share:/usr/share), in order.
std::vector<std::string> xdgDataDirs();

// The first folder of the search path holding a model called `name` (a folder with a
// meta.json); nullopt if none does.
std::optional<std::string> findModel(const std::string& name);

// `--model` as given: an existing folder, or a path (anything with a '/'), is taken as it is;
// a bare name is looked up with findModel. Throws std::runtime_error listing the folders
// searched when a name is found nowhere.
std::string resolveModel(const std::string& nameOrPath);

// Whether `name` can be a model's folder name: 1-64 of A-Z a-z 0-9 . _ -, not starting with
// a dot.
bool validModelName(const std::string& name);

}  // namespace dari
