#pragma once
// dari-chat-demo --demo "line1|line2|/chat|line3": a scripted conversation for
// screenshots (scripts/screenshot-chat.sh). Sends each line after the previous reply
// ("/chat" and "/translate" switch the mode, "/size 800x600" resizes the window), selects
// the last reply and shows its attention ("/alternatives" anywhere: its alternatives), then
// calls `done`.

#include <QStringList>

#include <functional>

namespace dari {

class MainWindow;

void runChatDemo(MainWindow& window, const QStringList& lines, std::function<void()> done);

}  // namespace dari
