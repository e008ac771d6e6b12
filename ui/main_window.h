#pragma once
// The window: the conversation (bubbles, input, mode switch, model picker) on the
// left, the details of the selected reply (alternatives, attention) on the right.

#include <QMainWindow>
#include <QPointer>
#include <QString>

#include <memory>

#include "ui/app_settings.h"
#include "ui/chat/engine_types.h"
#include "ui/model_catalog.h"

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QSettings;
class QSplitter;
class QTimer;
class QToolButton;

class QLayout;

namespace dari {

class FileTranslation;
class DefaultModelsRun;
class LearnWindow;

class WelcomePage;

class BubbleDelegate;
class ConversationModel;
class EmptyState;
struct Message;
class Engine;
class HistoryStore;
class MessageInput;
class ReplyDetails;
class TrainingDashboard;

struct WindowOptions {
    QString historyDb;     // empty: $DARI_HISTORY_DB or AppDataLocation/history.sqlite
    QString settingsFile;  // empty: the application's QSettings; else an INI file
    bool dialogs = true;   // false (tests): errors are only recorded, no message boxes
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Mode { Translate = 0, Chat = 1 };
    Q_ENUM(Mode)

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const WindowOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    Mode mode() const { return mode_; }
    static QString taskOf(Mode mode) {
        return mode == Mode::Chat ? QStringLiteral("chat") : QStringLiteral("translate");
    }
    QString modelDir(Mode mode) const { return modelDir_[int(mode)]; }
    QString modelsFolder() const { return modelsFolder_; }
    QString lastError() const { return lastError_; }
    const AppSettings& settings() const { return settings_; }
    ConversationModel* conversation() const { return conversation_; }
    HistoryStore* history() const { return history_.get(); }
    ReplyDetails* details() const { return details_; }
    bool busy() const;
    TrainingDashboard* trainingDashboard();  // the training window (created on first use)

public Q_SLOTS:
    void setMode(dari::MainWindow::Mode mode);
    void sendMessage(const QString& text);
    void useModelFolder(const QString& dir);  // for the current mode
    void cancelRequest();
    void selectRow(int row);
    void selectLastReply();
    void applySettings(const dari::AppSettings& settings);
    void rescanModels();
    bool exportHistory(const QString& file);  // Markdown for *.md, else TSV
    void clearHistory();
    void searchHistory(const QString& term);
    void copySelected();
    // The selected reply's sentence `sentence` becomes its alternative `index` (history too).
    void adoptAlternative(int sentence, int index);
    void showModelSummary();
    void showShortcuts();  // Help ▸ Keyboard shortcuts
    void showAbout();      // Help ▸ About Dari
    void openSettings();
    void openTrainingWizard();  // File ▸ Train a model…
    void continueTraining();    // File ▸ Continue interrupted training…
    // The welcome page: both default models as ./run.sh models trains them, on their public
    // corpora (asks for the corpora folder when they are not found; `corpora` empty: look for
    // it), or what is left of them. defaultModelsRun(): that run, for tests (null before).
    void trainDefaultModels(const QString& corpora = {});
    // View ▸ Learn (Ctrl+3): the Learn window on the current mode's model
    // (ui/main_window_learn.cpp).
    LearnWindow* openLearn();
    DefaultModelsRun* defaultModelsRun() const { return defaults_; }
    void useTrainedModel(const QString& dir, const QString& task);
    // ui/main_window_models.cpp: File ▸ Import model…, Export model…, Manage models…
    void importModel(const QString& file = {});  // empty: ask for the file
    void exportModel(const QString& dir = {});   // empty: the current mode's model
    void manageModels();
    // ui/main_window_file.cpp: File ▸ Translate a file… (empty: ask for it) or a dropped .txt;
    // the translation goes next to it. fileTranslation() is the running job, for tests.
    void translateFile(const QString& file = {});
    FileTranslation* fileTranslation() const { return fileJob_; }
    // View ▸ Zoom in / out: the conversation's text `steps` points larger; 0 resets it.
    void zoom(int steps);

Q_SIGNALS:
    void replyShown(int row);
    void errorShown(const QString& text);
    void previewShown(const QString& text);

protected:
    void closeEvent(QCloseEvent* event) override;  // the window's size, place and splitter kept
    void dragEnterEvent(QDragEnterEvent* event) override;  // a .txt file: translate it
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    void restoreLayout();
    void buildToolBar();
    void buildConversation();
    QLayout* buildInputRow();
    QWidget* buildLeftPane();
    void buildStatusBar();
    void buildMenus();
    void showError(const QString& title, const QString& text);
    void showNotice(const QString& title, const QString& text);  // nothing wrong: information
    void openMessageBox(int icon, const QString& title, const QString& text);  // QMessageBox::Icon
    void refreshModelUi();
    void refreshPicker();
    void refreshEmptyState();  // examples instead of an empty conversation
    void onReply(const EngineReply& reply);
    void onDropped(quint64 id);
    void onPickerActivated(int index);
    void onSelectionChanged();
    void requestPreview();
    void overrideDecoding(EngineRequest& request) const;  // the settings' decode overrides
    int addMessage(const Message& message, bool save);
    void persist(Message& message);  // into the history; a failure is said once
    void applyFont();
    void announceInterruptedRuns();
    void onModelTrained(const QString& dir, const QString& task);

    WindowOptions options_;
    std::unique_ptr<QSettings> qsettings_;
    AppSettings settings_;
    std::unique_ptr<HistoryStore> history_;
    Engine* engine_ = nullptr;
    ConversationModel* conversation_ = nullptr;
    Mode mode_ = Mode::Translate;
    QString modelDir_[2];
    QString modelsFolder_;
    QList<ModelInfo> models_;
    QString lastError_;
    bool historyFailing_ = false;  // said once until a write succeeds again
    quint64 previewId_ = 0;
    int sendsInFlight_ = 0;
    double totalMs_ = 0.0;
    int replies_ = 0;

    QListView* view_ = nullptr;
    BubbleDelegate* delegate_ = nullptr;
    MessageInput* input_ = nullptr;
    QPushButton* sendButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    WelcomePage* placeholder_ = nullptr;  // a mode without a model
    EmptyState* emptyState_ = nullptr;
    QLabel* preview_ = nullptr;
    QComboBox* picker_ = nullptr;
    QLineEdit* search_ = nullptr;
    QAction* asYouType_ = nullptr;
    QAction* modeActions_[2] = {nullptr, nullptr};
    QProgressBar* busyBar_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    ReplyDetails* details_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QTimer* debounce_ = nullptr;
    TrainingDashboard* training_ = nullptr;
    FileTranslation* fileJob_ = nullptr;  // File ▸ Translate a file…
    DefaultModelsRun* defaults_ = nullptr;
    LearnWindow* learn_ = nullptr;
    QAction* learnAction_ = nullptr;
};

}  // namespace dari
