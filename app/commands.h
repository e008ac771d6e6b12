#pragma once
// The `dari` subcommands. Each returns the process exit code and throws
// std::runtime_error with a one-line message for the user.

namespace dari {

int runTrain(int argc, char** argv);
int runTranslate(int argc, char** argv);
int runEval(int argc, char** argv);
int runScore(int argc, char** argv);
int runChat(int argc, char** argv);
int runInfo(int argc, char** argv);
int runEnsemble(int argc, char** argv);

}  // namespace dari
