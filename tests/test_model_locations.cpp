// Where models are found by name: the order of model/bundle/model_locations.h.

#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "model/bundle/model_locations.h"
#include "test_helpers.h"

namespace fs = std::filesystem;

namespace {

void fakeModel(const std::string& dir) {
    fs::create_directories(dir);
    std::ofstream(dir + "/meta.json") << "{}";
}

}  // namespace

class TestModelLocations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void searchPathOrder();
    void defaultsFollowXdg();
    void firstFolderWins();
    void pathsAreTakenAsGiven();
    void userFolder();
    void validNames();

private:
    QTemporaryDir dir_;
    std::string root_;
};

void TestModelLocations::init() {
    root_ = dir_.path().toStdString();
    setenv("DARI_MODELS", (root_ + "/env").c_str(), 1);
    setenv("XDG_DATA_HOME", (root_ + "/home").c_str(), 1);
    setenv("XDG_DATA_DIRS", (root_ + "/local:relative/ignored:" + root_ + "/usr").c_str(), 1);
}

void TestModelLocations::searchPathOrder() {
    const std::vector<std::string> expected = {root_ + "/env", root_ + "/home/dari/models",
                                               root_ + "/local/dari/models",
                                               root_ + "/usr/dari/models"};
    // This test runs from <build>/tests, not <build>/bin: no source tree's models/ (test_cli
    // checks that dari finds it).
    QCOMPARE(dari::sourceTreeModelsFolder(), std::string());
    QCOMPARE(dari::modelSearchPath(), expected);
}

void TestModelLocations::defaultsFollowXdg() {
    unsetenv("DARI_MODELS");
    unsetenv("XDG_DATA_HOME");
    unsetenv("XDG_DATA_DIRS");
    setenv("HOME", root_.c_str(), 1);
    const auto path = dari::modelSearchPath();
    QCOMPARE(path.at(0), root_ + "/.local/share/dari/models");
    QCOMPARE(path.at(1), std::string("/usr/local/share/dari/models"));
    QCOMPARE(path.at(2), std::string("/usr/share/dari/models"));
}

void TestModelLocations::firstFolderWins() {
    fakeModel(root_ + "/usr/dari/models/ko-en");
    QCOMPARE(*dari::findModel("ko-en"), root_ + "/usr/dari/models/ko-en");
    fakeModel(root_ + "/home/dari/models/ko-en");
    QCOMPARE(*dari::findModel("ko-en"), root_ + "/home/dari/models/ko-en");
    fakeModel(root_ + "/env/ko-en");
    QCOMPARE(dari::resolveModel("ko-en"), root_ + "/env/ko-en");
    // A folder without meta.json is not a model.
    fs::create_directories(root_ + "/env/empty");
    QVERIFY(!dari::findModel("empty"));
    const std::string error = helpers::errorOf([] { dari::resolveModel("nowhere"); });
    QVERIFY2(error.find("no model called 'nowhere' in " + root_ + "/env, ") == 0, error.c_str());
    QVERIFY(!dari::findModel("../env/ko-en"));
}

void TestModelLocations::pathsAreTakenAsGiven() {
    QCOMPARE(dari::resolveModel("some/folder"), std::string("some/folder"));
    QCOMPARE(dari::resolveModel(root_), root_);
}

void TestModelLocations::userFolder() {
    QCOMPARE(dari::userModelsFolder(), root_ + "/env");
    unsetenv("DARI_MODELS");
    QCOMPARE(dari::userModelsFolder(), root_ + "/home/dari/models");
}

void TestModelLocations::validNames() {
    QVERIFY(dari::validModelName("ko-en"));
    QVERIFY(dari::validModelName("chat_ko.v2"));
    QVERIFY(!dari::validModelName(""));
    QVERIFY(!dari::validModelName(".hidden"));
    QVERIFY(!dari::validModelName("a/b"));
    QVERIFY(!dari::validModelName(".."));
    QVERIFY(!dari::validModelName("모델"));
    QVERIFY(!dari::validModelName(std::string(65, 'a')));
}

QTEST_GUILESS_MAIN(TestModelLocations)
#include "test_model_locations.moc"
