#include "ui/chat/chat_demo.h"

#include <QTimer>

#include <memory>

#include "ui/chat/reply_details.h"
#include "ui/main_window.h"

namespace dari {

void runChatDemo(MainWindow& window, const QStringList& lines, std::function<void()> done) {
    auto next = std::make_shared<std::function<void()>>();
    auto index = std::make_shared<int>(0);
    const bool alternatives = lines.contains(QStringLiteral("/alternatives"));
    *next = [&window, lines, index, next, done, alternatives] {
        while (*index < lines.size()) {
            const QString line = lines.at((*index)++).trimmed();
            if (line == QLatin1String("/chat"))
                window.setMode(MainWindow::Mode::Chat);
            else if (line == QLatin1String("/translate"))
                window.setMode(MainWindow::Mode::Translate);
            else if (line.startsWith(QLatin1String("/size "))) {  // "/size 800x600"
                const QStringList wh = line.mid(6).split(QLatin1Char('x'));
                if (wh.size() == 2) window.resize(wh[0].toInt(), wh[1].toInt());
            } else if (!line.isEmpty() && !line.startsWith(QLatin1Char('/'))) {
                const bool noModel = window.modelDir(window.mode()).isEmpty();
                window.sendMessage(line);
                if (!noModel) return;  // continue when the reply (or an error) arrives
            }
        }
        window.selectLastReply();
        if (alternatives)
            window.details()->showAlternativesTab();
        else
            window.details()->showAttentionTab();
        QTimer::singleShot(400, &window, done);
    };
    QObject::connect(&window, &MainWindow::replyShown, &window,
                     [next] { QTimer::singleShot(0, *next); });
    QObject::connect(&window, &MainWindow::errorShown, &window,
                     [next] { QTimer::singleShot(0, *next); });
    QTimer::singleShot(300, &window, *next);
}

}  // namespace dari
