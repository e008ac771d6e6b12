#pragma once
// The `dari` subcommands (their options: app/option_table.cpp). Each returns the
// process exit code and throws std::runtime_error with a one-line message for the user.

namespace dari {

class Arguments;

int runTrain(const Arguments& args);
int runTranslate(const Arguments& args);
int runClassify(const Arguments& args);
int runEval(const Arguments& args);
int runScore(const Arguments& args);
int runChat(const Arguments& args);
int runInfo(const Arguments& args);
int runInspect(const Arguments& args);
int runStatus(const Arguments& args);
int runEnsemble(const Arguments& args);
int runCalibrate(const Arguments& args);
int runPack(const Arguments& args);
int runUnpack(const Arguments& args);
int runModels(const Arguments& args);
int runCorpus(const Arguments& args);

}  // namespace dari
