#pragma once
// What the window's two entry points share: dari-chat (app/dari_chat_main.cpp) and
// dari-chat-demo (app/dari_chat_demo_main.cpp, scripted runs for screenshots).

#include <QString>

#include <functional>

class QCommandLineOption;
class QCommandLineParser;
class QWidget;

namespace dari {

// Before the QApplication is made: fractional display scaling as the screen says.
void prepareApplication();
// --help and --version (and -h, -v, --help-all) answered before the QApplication is made, on a
// QCoreApplication: they must print, not abort, where there is no display. `describe` adds the
// entry point's description and options to the parser. Returns only when neither was asked.
void answerWithoutDisplay(int argc, char** argv,
                          const std::function<void(QCommandLineParser&)>& describe);
// The application's names and version (QCoreApplication's statics).
void nameApplication();
// After the QApplication is made: its names, version, icon and desktop entry, the interface
// language stored in `settingsFile`'s settings (QSettings' default file if empty), then the
// engine's threads (and a slow-BLAS warning).
void setUpApplication(const QString& settingsFile = {});

// The application ID: the desktop entry, icon and AppStream metainfo are named after it
// (packaging/).
inline const QString kApplicationId = QStringLiteral("dev.dari.Dari");
// --screenshot FILE: a PNG of the window once shown.
QCommandLineOption screenshotOption();
// Writes a PNG of `widget`; false (and a message on stderr) if it cannot.
bool saveScreenshot(QWidget& widget, const QString& file);

}  // namespace dari
