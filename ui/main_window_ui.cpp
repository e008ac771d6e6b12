// MainWindow: building the widgets, the tool bar and the menus.

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/about_dialog.h"
#include "ui/chat/bubble_delegate.h"
#include "ui/chat/conversation_model.h"
#include "ui/chat/empty_state.h"
#include "ui/chat/history_store.h"
#include "ui/chat/message_input.h"
#include "ui/chat/reply_details.h"
#include "ui/main_window.h"
#include "ui/shortcuts_dialog.h"
#include "ui/welcome_page.h"

namespace dari {

void MainWindow::buildUi() {
    buildToolBar();
    buildConversation();
    details_ = new ReplyDetails(this);
    connect(details_, &ReplyDetails::copyRequested, this, [this](const QString& text) {
        QGuiApplication::clipboard()->setText(text);
        statusBar()->showMessage(tr("Copied"), 2000);
    });
    connect(details_, &ReplyDetails::alternativeChosen, this, &MainWindow::adoptAlternative);
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("splitter"));
    splitter_->addWidget(buildLeftPane());
    splitter_->addWidget(details_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setSizes({660, 440});
    setCentralWidget(splitter_);
    setTabOrder(input_, sendButton_);
    setTabOrder(sendButton_, view_);
    setTabOrder(view_, details_);

    buildStatusBar();
    applyFont();
}

// Tool bar: mode switch, model picker, summary, translate-as-you-type, search.
void MainWindow::buildToolBar() {
    auto* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    auto* modes = new QActionGroup(this);
    modeActions_[0] = bar->addAction(tr("Translate 한→EN"));
    modeActions_[0]->setShortcut(QKeySequence(tr("Ctrl+1")));
    modeActions_[0]->setToolTip(tr("Translate Korean into English (Ctrl+1)"));
    modeActions_[1] = bar->addAction(tr("Chat 대화"));
    modeActions_[1]->setShortcut(QKeySequence(tr("Ctrl+2")));
    modeActions_[1]->setToolTip(tr("Chat with Dari in Korean (Ctrl+2)"));
    for (int m = 0; m < 2; ++m) {
        modeActions_[m]->setCheckable(true);
        modes->addAction(modeActions_[m]);
        connect(modeActions_[m], &QAction::triggered, this, [this, m] { setMode(Mode(m)); });
    }
    learnAction_ = bar->addAction(tr("Learn 배우기"), this, [this] { openLearn(); });
    learnAction_->setShortcut(QKeySequence(tr("Ctrl+3")));
    learnAction_->setToolTip(
        tr("See a recurrent network at work: states, gates and gradients through time (Ctrl+3)"));
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Model: "), bar));
    picker_ = new QComboBox(bar);
    picker_->setObjectName(QStringLiteral("modelPicker"));
    picker_->setMinimumContentsLength(14);  // the tool bar fits 800 pixels; the list is wider
    picker_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(picker_, QOverload<int>::of(&QComboBox::activated), this,
            &MainWindow::onPickerActivated);
    bar->addWidget(picker_);
    auto* summary = bar->addAction(tr("ⓘ Summary"), this, &MainWindow::showModelSummary);
    summary->setToolTip(tr("Cell type, size, dev BLEU and training data of the model (Ctrl+I)"));
    summary->setShortcut(QKeySequence(tr("Ctrl+I")));
    bar->addAction(tr("Train…"), this, &MainWindow::openTrainingWizard)
        ->setToolTip(tr("Train or fine-tune a model on your own corpus (Ctrl+T)"));
    bar->addSeparator();
    asYouType_ = bar->addAction(tr("As you type"));
    asYouType_->setCheckable(true);
    asYouType_->setChecked(settings_.translateAsYouType);
    asYouType_->setToolTip(tr("Translate while you type (Translate mode)"));
    connect(asYouType_, &QAction::toggled, this, [this](bool on) {
        settings_.translateAsYouType = on;
        settings_.save(*qsettings_);
        preview_->setVisible(on && mode_ == Mode::Translate);
        if (on) requestPreview();
    });
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    search_ = new QLineEdit(bar);
    search_->setObjectName(QStringLiteral("search"));
    search_->setPlaceholderText(tr("Search…"));
    search_->setToolTip(tr("Search the history (Ctrl+F): matches are shown with their partner"));
    search_->setClearButtonEnabled(true);
    search_->setMinimumWidth(120);
    search_->setMaximumWidth(240);
    connect(search_, &QLineEdit::textChanged, this, &MainWindow::searchHistory);
    bar->addWidget(search_);
}

// The conversation list, the placeholder above it and the as-you-type preview below.
void MainWindow::buildConversation() {
    placeholder_ = new WelcomePage(this);
    connect(placeholder_, &WelcomePage::importRequested, this, [this] { importModel(); });
    connect(placeholder_, &WelcomePage::trainRequested, this, &MainWindow::openTrainingWizard);
    connect(placeholder_, &WelcomePage::trainDefaultRequested, this,
            [this] { trainDefaultModels(); });
    view_ = new QListView(this);
    view_->setObjectName(QStringLiteral("conversation"));
    view_->setModel(conversation_);
    delegate_ = new BubbleDelegate(view_);
    view_->setItemDelegate(delegate_);
    view_->setResizeMode(QListView::Adjust);
    view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // bubbles wrap to the width
    view_->setUniformItemSizes(false);
    view_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    view_->setAccessibleName(tr("Conversation"));
    auto* copy = new QAction(tr("&Copy message"), view_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &MainWindow::copySelected);
    view_->addAction(copy);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onSelectionChanged);
    connect(conversation_, &QAbstractItemModel::modelReset, this, &MainWindow::onSelectionChanged);

    emptyState_ = new EmptyState(this);
    connect(emptyState_, &EmptyState::exampleChosen, this, &MainWindow::sendMessage);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(conversation_, signal, this, &MainWindow::refreshEmptyState);
    connect(conversation_, &QAbstractItemModel::modelReset, this, &MainWindow::refreshEmptyState);

    preview_ = new QLabel(this);
    preview_->setObjectName(QStringLiteral("preview"));
    preview_->setWordWrap(true);
    preview_->setForegroundRole(QPalette::Link);
    preview_->setContentsMargins(6, 2, 6, 2);
    preview_->setVisible(false);
}

// The input box with Send and Cancel.
QLayout* MainWindow::buildInputRow() {
    input_ = new MessageInput(this);
    input_->setObjectName(QStringLiteral("input"));
    connect(input_, &MessageInput::submitted, this, &MainWindow::sendMessage);
    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(400);
    connect(debounce_, &QTimer::timeout, this, &MainWindow::requestPreview);
    connect(input_, &QPlainTextEdit::textChanged, this, [this] {
        if (settings_.translateAsYouType && mode_ == Mode::Translate) debounce_->start();
    });
    sendButton_ = new QPushButton(tr("&Send"), this);
    sendButton_->setToolTip(tr("Send (Enter); Shift+Enter starts a new line"));
    connect(sendButton_, &QPushButton::clicked, this, [this] {
        const QString text = input_->toPlainText().trimmed();
        input_->clear();
        if (!text.isEmpty()) sendMessage(text);
    });
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setObjectName(QStringLiteral("cancel"));
    cancelButton_->setToolTip(tr("Stop computing the reply (Esc)"));
    cancelButton_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelButton_->setEnabled(false);
    connect(cancelButton_, &QPushButton::clicked, this, &MainWindow::cancelRequest);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(sendButton_);
    buttons->addWidget(cancelButton_);
    buttons->addStretch();
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(input_, 1);
    inputRow->addLayout(buttons);
    return inputRow;
}

// Left of the details pane: placeholder, conversation, preview, input.
QWidget* MainWindow::buildLeftPane() {
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 6, 6);
    leftLayout->addWidget(placeholder_);
    leftLayout->addWidget(view_, 1);
    leftLayout->addWidget(emptyState_, 1);
    leftLayout->addWidget(preview_);
    leftLayout->addLayout(buildInputRow());
    return left;
}

void MainWindow::buildStatusBar() {
    busyBar_ = new QProgressBar(this);
    busyBar_->setObjectName(QStringLiteral("busy"));
    busyBar_->setRange(0, 0);
    busyBar_->setMaximumWidth(120);
    busyBar_->setMaximumHeight(14);
    busyBar_->setAccessibleName(tr("Working"));
    busyBar_->hide();
    speedLabel_ = new QLabel(tr("no reply yet"), this);
    speedLabel_->setObjectName(QStringLiteral("speed"));
    modelLabel_ = new QLabel(this);
    modelLabel_->setObjectName(QStringLiteral("modelInUse"));
    statusBar()->addPermanentWidget(busyBar_);
    statusBar()->addPermanentWidget(speedLabel_);
    statusBar()->addPermanentWidget(modelLabel_);
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open model…"), QKeySequence::Open, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open a model bundle"), modelsFolder_);
        if (!dir.isEmpty()) useModelFolder(dir);
    });
    file->addAction(tr("&Rescan models folder"), this, &MainWindow::rescanModels);
    file->addAction(tr("&Import model…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    [this] { importModel(); });
    file->addAction(tr("E&xport model…"), this, [this] { exportModel(); });
    file->addAction(tr("&Manage models…"), QKeySequence(tr("Ctrl+M")), this,
                    &MainWindow::manageModels);
    file->addSeparator();
    file->addAction(tr("Translate a &file…"), QKeySequence(tr("Ctrl+Shift+F")), this,
                    [this] { translateFile(); });
    file->addSeparator();
    file->addAction(tr("&Train a model…"), QKeySequence(tr("Ctrl+T")), this,
                    &MainWindow::openTrainingWizard);
    file->addAction(tr("Co&ntinue interrupted training…"), this, &MainWindow::continueTraining);
    file->addSeparator();
    file->addAction(tr("&Export history…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export history"), QStringLiteral("dari-history.md"),
            tr("Markdown (*.md);;Tab-separated values (*.tsv)"));
        if (!path.isEmpty() && !exportHistory(path))
            showError(tr("Export failed"), history_->lastError());
    });
    file->addAction(tr("C&lear history…"), this, [this] {
        auto* box =
            new QMessageBox(QMessageBox::Question, tr("Clear history"),
                            tr("Delete the whole conversation history? This cannot be undone."),
                            QMessageBox::Yes | QMessageBox::No, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::accepted, this, &MainWindow::clearHistory);
        box->open();
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions(view_->actions());
    edit->addAction(tr("&Find in history"), QKeySequence::Find, this, [this] {
        search_->setFocus();
        search_->selectAll();
    });
    edit->addAction(tr("Focus the &input"), QKeySequence(tr("Ctrl+L")), this,
                    [this] { input_->setFocus(); });
    edit->addSeparator();
    edit->addAction(tr("&Settings…"), QKeySequence(tr("Ctrl+,")), this, &MainWindow::openSettings);
    auto* view = menuBar()->addMenu(tr("&View"));
    view->addAction(modeActions_[0]);
    view->addAction(modeActions_[1]);
    view->addAction(learnAction_);
    view->addAction(asYouType_);
    view->addSeparator();
    auto* zoomIn = view->addAction(tr("Zoom &in"), this, [this] { zoom(1); });
    // Ctrl++ is Ctrl+Shift+= on most keyboards: Ctrl+= zooms in too.
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this, [this] { zoom(-1); });
    view->addAction(tr("&Actual size"), QKeySequence(tr("Ctrl+0")), this, [this] { zoom(0); });
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Model &summary"), this, &MainWindow::showModelSummary);
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(tr("Ctrl+/")), this,
                    &MainWindow::showShortcuts);
    help->addSeparator();
    help->addAction(tr("&About Dari"), this, &MainWindow::showAbout);
}

void MainWindow::showShortcuts() {
    auto* dialog = new ShortcutsDialog(findChildren<QAction*>(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout() {
    if (!options_.dialogs) return;
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::zoom(int steps) {
    AppSettings s = settings_;
    s.fontSize = steps == 0 ? AppSettings().fontSize
                            : std::clamp(s.fontSize + steps, AppSettings::kMinFontSize,
                                         AppSettings::kMaxFontSize);
    applySettings(s);
    statusBar()->showMessage(tr("Text size %1 pt").arg(s.fontSize), 2000);
}

void MainWindow::applyFont() {
    QFont f = font();
    f.setPointSize(settings_.fontSize);
    // Noto Sans CJK KR has both Hangul and Latin; fontconfig falls back for anything else.
    f.setFamilies({QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Noto Sans"),
                   QStringLiteral("DejaVu Sans")});
    view_->setFont(f);
    input_->setFont(f);
    preview_->setFont(f);
    view_->doItemsLayout();
}

}  // namespace dari
