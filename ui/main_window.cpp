#include "ui/main_window.h"
#include "ui/training/default_models_run.h"
#include "ui/welcome_page.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "data/script.h"
#include "ui/chat/bubble_delegate.h"
#include "ui/chat/conversation_model.h"
#include "ui/chat/empty_state.h"
#include "ui/chat/engine_worker.h"
#include "ui/chat/history_store.h"
#include "ui/chat/message_input.h"
#include "ui/chat/reply_details.h"
#include "ui/settings_dialog.h"

namespace dari {

namespace {
const QString kOpenModel = QStringLiteral("\x01open");
}

MainWindow::MainWindow(QWidget* parent) : MainWindow(WindowOptions{}, parent) {}

MainWindow::MainWindow(const WindowOptions& options, QWidget* parent)
    : QMainWindow(parent), options_(options) {
    qsettings_ = options_.settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(options_.settingsFile, QSettings::IniFormat);
    const QStringList settingNotes = settings_.load(*qsettings_);
    mode_ = qsettings_->value(QStringLiteral("view/mode")).toString() == QLatin1String("chat")
                ? Mode::Chat
                : Mode::Translate;
    history_ = std::make_unique<HistoryStore>(options_.historyDb);
    conversation_ = new ConversationModel(this);
    engine_ = new Engine(this);
    if (settings_.threads > 0) engine_->setThreads(settings_.threads);
    buildUi();
    buildMenus();
    setAcceptDrops(true);  // a .txt dropped on the window is translated (main_window_file.cpp)
    connect(engine_, &Engine::replyReady, this, &MainWindow::onReply);
    connect(engine_, &Engine::requestDropped, this, &MainWindow::onDropped);
    connect(engine_, &Engine::busyChanged, this, [this](bool busy) {
        busyBar_->setVisible(busy);
        cancelButton_->setEnabled(busy);
    });
    connect(engine_, &Engine::modelReady, this, [this](const QString& dir, const QString&) {
        statusBar()->showMessage(tr("Loaded %1").arg(QFileInfo(dir).fileName()), 4000);
    });
    connect(engine_, &Engine::modelFailed, this,
            [this](const QString& dir, const QString& task, const QString& error) {
                const int m = task == QLatin1String("chat") ? 1 : 0;
                if (modelDir_[m] == dir) modelDir_[m].clear();
                refreshModelUi();
                showError(tr("Cannot load model"),
                          tr("The model in %1 cannot be used:\n%2").arg(dir, error));
            });
    if (!settingNotes.isEmpty())
        showError(tr("Settings reset"),
                  tr("Some settings in %1 were unusable and are back at their defaults:\n%2")
                      .arg(qsettings_->fileName(), settingNotes.join(QLatin1Char('\n'))));
    if (!history_->notice().isEmpty()) showError(tr("History moved aside"), history_->notice());
    if (!history_->isOpen())
        showError(tr("History unavailable"), tr("The conversation history %1 cannot be opened: %2")
                                                 .arg(history_->path(), history_->lastError()));
    conversation_->setMessages(history_->all());
    rescanModels();
    setMode(mode_);
    view_->scrollToBottom();
    QTimer::singleShot(0, this, &MainWindow::announceInterruptedRuns);
    restoreLayout();
}

namespace {
const QString kGeometryKey = QStringLiteral("view/geometry");
const QString kSplitterKey = QStringLiteral("view/splitter");
}  // namespace

void MainWindow::restoreLayout() {
    // Below this the tool bar's items move into its overflow menu and the search box is cut.
    setMinimumSize(760, 520);
    if (!restoreGeometry(qsettings_->value(kGeometryKey).toByteArray())) resize(1120, 720);
    splitter_->restoreState(qsettings_->value(kSplitterKey).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    qsettings_->setValue(kGeometryKey, saveGeometry());
    qsettings_->setValue(kSplitterKey, splitter_->saveState());
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow() = default;

bool MainWindow::busy() const {
    return engine_->busy();
}

void MainWindow::showError(const QString& title, const QString& text) {
    lastError_ = text;
    statusBar()->showMessage(text, 10000);
    Q_EMIT errorShown(text);
    openMessageBox(QMessageBox::Warning, title, text);
}

void MainWindow::showNotice(const QString& title, const QString& text) {
    statusBar()->showMessage(text, 10000);
    openMessageBox(QMessageBox::Information, title, text);
}

void MainWindow::openMessageBox(int icon, const QString& title, const QString& text) {
    if (!options_.dialogs) return;
    auto* box = new QMessageBox(QMessageBox::Icon(icon), title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal, never blocks the event loop
}

void MainWindow::rescanModels() {
    modelsFolder_ = ModelCatalog::modelsFolder(settings_.modelsFolder);
    models_ = ModelCatalog::scanAll(settings_.modelsFolder);
    const QString chosen[2] = {settings_.translateModel, settings_.chatModel};
    for (int m = 0; m < 2; ++m) {
        QString dir;
        if (!chosen[m].isEmpty()) {
            const ModelInfo info = ModelCatalog::inspect(chosen[m]);
            if (info.valid() && info.task == taskOf(Mode(m))) dir = info.dir;
        }
        if (dir.isEmpty()) dir = ModelCatalog::defaultFor(models_, taskOf(Mode(m))).dir;
        if (dir != modelDir_[m] && !dir.isEmpty()) engine_->loadModel(dir, taskOf(Mode(m)));
        modelDir_[m] = dir;
    }
    refreshModelUi();
}

void MainWindow::refreshPicker() {
    const QSignalBlocker block(picker_);
    picker_->clear();
    const QString current = modelDir_[int(mode_)];
    for (const ModelInfo& m : models_) {
        if (m.valid() && m.task != taskOf(mode_)) continue;  // the other mode's models
        const QString task = m.task == QLatin1String("chat") ? tr("chat") : tr("translate");
        QString state = m.unfinished ? tr(" (training unfinished)") : QString();
        if (m.valid() && !m.usableYet())
            state += tr(" — not usable yet (dev BLEU %1)").arg(m.devBleu, 0, 'f', 1);
        picker_->addItem(
            m.valid() ? tr("%1 — %2%3").arg(m.name, task, state) : tr("%1 — unusable").arg(m.name),
            m.dir);
        picker_->setItemData(picker_->count() - 1, m.valid() ? m.shortLabel() : m.error,
                             Qt::ToolTipRole);
    }
    if (!current.isEmpty() && picker_->findData(current) < 0)
        picker_->addItem(QFileInfo(current).fileName(), current);
    if (picker_->count() == 0) picker_->addItem(tr("(no model found)"), QString());
    picker_->insertSeparator(picker_->count());
    picker_->addItem(tr("Open model…"), kOpenModel);
    picker_->setCurrentIndex(std::max(0, picker_->findData(current)));
}

void MainWindow::refreshModelUi() {
    refreshPicker();
    const QString dir = modelDir_[int(mode_)];
    const bool have = !dir.isEmpty();
    const QString modeName = mode_ == Mode::Chat ? tr("Chat") : tr("Translate");
    placeholder_->setVisible(!have);
    if (!have)
        placeholder_->describe(taskOf(mode_), ModelCatalog::searchPath(settings_.modelsFolder),
                               DefaultModelsRun::hasPartialWork(modelsFolder_));
    refreshEmptyState();
    modelLabel_->setText(have ? tr("%1 · %2").arg(modeName, QFileInfo(dir).fileName())
                              : tr("%1 · no model").arg(modeName));
    sendButton_->setEnabled(have);
}

void MainWindow::refreshEmptyState() {
    const bool empty = conversation_->rowCount() == 0 && !modelDir_[int(mode_)].isEmpty();
    emptyState_->setTask(taskOf(mode_));
    emptyState_->setVisible(empty);
    view_->setVisible(!empty);
}

void MainWindow::setMode(Mode mode) {
    mode_ = mode;
    modeActions_[int(mode)]->setChecked(true);
    qsettings_->setValue(QStringLiteral("view/mode"), taskOf(mode));
    setWindowTitle(mode == Mode::Chat ? tr("Dari — chat in Korean")
                                      : tr("Dari — Korean → English"));
    input_->setPlaceholderText(
        mode == Mode::Chat ? tr("Talk to Dari in Korean — Enter sends, Shift+Enter: new line")
                           : tr("Type Korean to translate — Enter sends, Shift+Enter: new line"));
    input_->viewport()->update();  // an empty editor repaints its placeholder only when asked
    const QModelIndex current = view_->currentIndex();
    if (current.isValid() && conversation_->at(current.row()).mode != taskOf(mode))
        view_->setCurrentIndex({});  // the details pane shows only this mode's replies
    asYouType_->setEnabled(mode == Mode::Translate);
    preview_->setVisible(mode == Mode::Translate && settings_.translateAsYouType);
    refreshModelUi();
}

void MainWindow::useModelFolder(const QString& dir) {
    const ModelInfo info = ModelCatalog::inspect(dir);
    const QString task = taskOf(mode_);
    if (!info.valid()) {
        showError(tr("Cannot use model"),
                  tr("%1 is not a usable model bundle: %2").arg(dir, info.error));
    } else if (info.task != task) {
        showError(tr("Wrong kind of model"),
                  tr("%1 is a %2 model (meta.json task \"%3\"); %4 mode needs a \"%5\" model.")
                      .arg(info.name, info.task, info.task,
                           mode_ == Mode::Chat ? tr("Chat") : tr("Translate"), task));
    } else {
        modelDir_[int(mode_)] = info.dir;
        (mode_ == Mode::Chat ? settings_.chatModel : settings_.translateModel) = info.dir;
        settings_.save(*qsettings_);
        engine_->loadModel(info.dir, task);
    }
    refreshModelUi();
}

void MainWindow::onPickerActivated(int index) {
    const QString data = picker_->itemData(index).toString();
    if (data == kOpenModel) {
        refreshPicker();  // back to the model in use while the dialog is open
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open a model bundle"), modelsFolder_);
        if (!dir.isEmpty()) useModelFolder(dir);
    } else if (!data.isEmpty() && data != modelDir_[int(mode_)]) {
        useModelFolder(data);
    }
}

void MainWindow::showModelSummary() {
    const QString dir = modelDir_[int(mode_)];
    const QString html =
        dir.isEmpty() ? placeholder_->html() : ModelCatalog::inspect(dir).summaryHtml();
    if (!options_.dialogs) return;
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("Model summary"), html, QMessageBox::Ok, this);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

int MainWindow::addMessage(const Message& message, bool save) {
    Message m = message;
    if (save) persist(m);
    const int row = conversation_->append(m);
    view_->scrollToBottom();
    return row;
}

void MainWindow::persist(Message& m) {
    if (!history_->isOpen()) return;  // said at start
    m.dbId = history_->add(m);
    if (m.dbId > 0 || historyFailing_) {
        historyFailing_ = m.dbId == 0;
        return;
    }
    historyFailing_ = true;
    showError(tr("History not saved"),
              tr("This message could not be saved to the history %1: %2. The conversation "
                 "stays on screen; Dari tries again with the next message.")
                  .arg(history_->path(), history_->lastError()));
}

void MainWindow::sendMessage(const QString& raw) {
    const QString text = raw.trimmed();
    if (text.isEmpty()) return;
    const QString dir = modelDir_[int(mode_)];
    Message user;
    user.sender = Message::Sender::User;
    user.mode = taskOf(mode_);
    user.text = text;
    user.time = QDateTime::currentDateTimeUtc();
    addMessage(user, true);
    if (dir.isEmpty()) {
        Message notice = user;
        notice.sender = Message::Sender::Notice;
        notice.text =
            tr("There is no model for this mode yet — see the note above on how to get one.");
        addMessage(notice, false);
        return;
    }
    if (dominantScript(text.toStdString()) == Script::Latin) {
        Message notice = user;
        notice.sender = Message::Sender::Notice;
        notice.text = mode_ == Mode::Chat
                          ? tr("This looks like English; Dari chats in Korean.")
                          : tr("This looks like English; Dari translates Korean → English.");
        addMessage(notice, false);
    }
    EngineRequest request;
    request.task = taskOf(mode_);
    request.modelDir = dir;
    request.text = text;
    overrideDecoding(request);
    Message pending;
    pending.sender = Message::Sender::Dari;
    pending.mode = request.task;
    pending.model = QFileInfo(dir).fileName();
    pending.time = user.time;
    pending.pending = true;
    pending.requestId = engine_->request(request);
    ++sendsInFlight_;
    addMessage(pending, false);
    preview_->clear();
}

void MainWindow::overrideDecoding(EngineRequest& request) const {
    request.beam = settings_.beam;
    request.maxLengthRatio = settings_.maxLengthRatio;
    request.temperature = settings_.temperature;
    request.topK = settings_.topK;
}

void MainWindow::requestPreview() {
    const QString text = input_->toPlainText().trimmed();
    const QString dir = modelDir_[int(Mode::Translate)];
    if (!settings_.translateAsYouType || mode_ != Mode::Translate || dir.isEmpty()) return;
    if (text.isEmpty()) {
        preview_->clear();
        return;
    }
    if (sendsInFlight_ > 0) {  // never let a preview replace a message waiting for its reply
        debounce_->start();
        return;
    }
    EngineRequest request;
    request.task = taskOf(Mode::Translate);
    request.modelDir = dir;
    request.text = text;
    request.preview = true;
    overrideDecoding(request);
    previewId_ = engine_->request(request);
}

void MainWindow::onReply(const EngineReply& reply) {
    if (reply.preview) {
        if (reply.id != previewId_ || !reply.error.isEmpty()) return;
        preview_->setText(tr("→ %1").arg(reply.text));
        Q_EMIT previewShown(reply.text);
        return;
    }
    --sendsInFlight_;
    const int row = conversation_->rowOfRequest(reply.id);
    if (row < 0) return;
    Message m = conversation_->at(row);
    m.pending = false;
    m.time = QDateTime::currentDateTimeUtc();
    if (!reply.error.isEmpty()) {
        m.sender = Message::Sender::Notice;
        m.text = tr("Dari could not answer: %1").arg(reply.error);
        conversation_->update(row, m);
        showError(tr("Cannot answer"), reply.error);
        return;
    }
    m.text = reply.text.isEmpty() ? tr("(empty reply)") : reply.text;
    m.ms = reply.ms;
    m.cached = reply.cached;
    m.truncated = reply.truncated;
    m.sentences = reply.sentences;
    persist(m);
    conversation_->update(row, m);
    ++replies_;
    totalMs_ += reply.ms;
    speedLabel_->setText(tr("%1 ms/reply%2 (avg %3 ms)")
                             .arg(reply.ms, 0, 'f', reply.ms < 10 ? 1 : 0)
                             .arg(reply.cached ? tr(", cached") : QString())
                             .arg(totalMs_ / replies_, 0, 'f', 0));
    if (view_->currentIndex().row() == row) onSelectionChanged();
    view_->scrollToBottom();
    if (reply.truncated)
        showError(tr("Input too long"),
                  tr("The input is longer than the model's limit, so only its beginning was %1. "
                     "Send shorter pieces for a complete answer.")
                      .arg(reply.task == QLatin1String("chat") ? tr("read") : tr("translated")));
    Q_EMIT replyShown(row);
}

void MainWindow::onDropped(quint64 id) {
    if (id == previewId_) return;
    const int row = conversation_->rowOfRequest(id);
    if (row < 0) return;
    --sendsInFlight_;
    Message m = conversation_->at(row);
    m.pending = false;
    m.sender = Message::Sender::Notice;
    m.text = tr("Cancelled.");
    conversation_->update(row, m);
}

void MainWindow::cancelRequest() {
    engine_->cancel();
    statusBar()->showMessage(tr("Cancelled"), 3000);
}

void MainWindow::selectRow(int row) {
    if (row < 0 || row >= conversation_->rowCount()) return;
    view_->setCurrentIndex(conversation_->index(row));
    view_->scrollTo(conversation_->index(row));
}

void MainWindow::selectLastReply() {
    selectRow(conversation_->lastReplyRow());
}

void MainWindow::onSelectionChanged() {
    const QModelIndex i = view_->currentIndex();
    if (!i.isValid())
        details_->clear();
    else
        details_->showMessage(conversation_->at(i.row()));
}

void MainWindow::copySelected() {
    const QModelIndex i = view_->currentIndex();
    if (!i.isValid()) return;
    QGuiApplication::clipboard()->setText(conversation_->at(i.row()).text);
    statusBar()->showMessage(tr("Copied"), 2000);
}

void MainWindow::adoptAlternative(int sentence, int index) {
    const int row = view_->currentIndex().row();
    if (row < 0) return;
    Message m = conversation_->at(row);
    if (sentence < 0 || sentence >= m.sentences.size()) return;
    SentenceDetail& d = m.sentences[sentence];
    if (index < 0 || index >= d.nbest.size() || index == d.chosen) return;
    // The reply's text is its sentences' outputs joined as the input was: find this one's
    // place after the sentences before it, and put the alternative there.
    qsizetype at = 0;
    for (int k = 0; k < sentence && at >= 0; ++k) {
        const QString& shown = m.sentences[k].nbest.value(m.sentences[k].chosen);
        const qsizetype found = m.text.indexOf(shown, at);
        at = found < 0 ? at : found + shown.size();
    }
    const QString& old = d.nbest.at(d.chosen);
    const qsizetype place = m.text.indexOf(old, at);
    if (m.sentences.size() == 1)
        m.text = d.nbest.at(index);
    else if (place >= 0)
        m.text.replace(place, old.size(), d.nbest.at(index));
    else
        return showError(tr("Cannot use the alternative"),
                         tr("The reply's text no longer contains the sentence it replaces."));
    d.chosen = index;
    if (m.dbId > 0 && !history_->update(m))
        showError(tr("History not saved"),
                  tr("The chosen alternative could not be saved to the history %1: %2")
                      .arg(history_->path(), history_->lastError()));
    conversation_->update(row, m);
    details_->showMessage(m);
    details_->showSentence(sentence);
    statusBar()->showMessage(tr("Alternative %1 is now the reply").arg(index + 1), 3000);
}

void MainWindow::searchHistory(const QString& term) {
    QSet<qint64> hits;
    if (!term.isEmpty())
        for (const Message& m : history_->search(term))
            hits.insert(m.dbId);
    // A match shows its whole exchange: the question with the replies and notices after it.
    const int rows = conversation_->rowCount();
    for (int start = 0, end = 0; start < rows; start = end) {
        bool hit = term.isEmpty();
        for (end = start; end < rows; ++end) {
            if (end > start && conversation_->at(end).sender == Message::Sender::User) break;
            hit = hit || hits.contains(conversation_->at(end).dbId);
        }
        for (int r = start; r < end; ++r)
            view_->setRowHidden(r, !hit);
    }
    delegate_->setHighlight(term);
    view_->doItemsLayout();  // sizes for the viewport as it is now, scroll bar or not
    view_->viewport()->update();
    if (!term.isEmpty())
        statusBar()->showMessage(tr("%n message(s) found", nullptr, int(hits.size())), 4000);
}

bool MainWindow::exportHistory(const QString& file) {
    const bool ok = file.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)
                        ? history_->exportMarkdown(file)
                        : history_->exportTsv(file);
    if (ok) statusBar()->showMessage(tr("History exported to %1").arg(file), 4000);
    return ok;
}

void MainWindow::clearHistory() {
    if (!history_->clear()) {
        showError(tr("Cannot clear history"), history_->lastError());
        return;
    }
    engine_->cancel();
    conversation_->clear();
}

void MainWindow::applySettings(const AppSettings& s) {
    const bool rescan = s.modelsFolder != settings_.modelsFolder;
    const bool threads = s.threads != settings_.threads;
    const bool language = s.language != settings_.language;
    settings_ = s;
    settings_.save(*qsettings_);
    if (threads) engine_->setThreads(s.threads);
    asYouType_->setChecked(s.translateAsYouType);
    applyFont();
    if (rescan) rescanModels();
    if (language)
        statusBar()->showMessage(tr("The new language is used the next time Dari starts."), 10000);
}

void MainWindow::openSettings() {
    auto* dialog = new SettingsDialog(settings_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { applySettings(dialog->settings()); });
    dialog->open();
}

}  // namespace dari
