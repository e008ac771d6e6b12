#include "ui/training/training_settings_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace dari {

namespace {

QComboBox* combo(const QString& name, const QStringList& values, QWidget* parent) {
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    for (const QString& v : values)
        box->addItem(name == QLatin1String("cell") ? v.toUpper() : v, v);
    return box;
}

QDoubleSpinBox* doubleSpin(double min, double max, double step, int decimals, QWidget* parent) {
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(min, max);
    spin->setSingleStep(step);
    spin->setDecimals(decimals);
    return spin;
}

QSpinBox* spin(int min, int max, int step, QWidget* parent) {
    auto* s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setSingleStep(step);
    s->setGroupSeparatorShown(true);
    return s;
}

}  // namespace

TrainingSettingsPage::TrainingSettingsPage(const QString& modelsFolder, QWidget* parent)
    : QWizardPage(parent), modelsFolder_(modelsFolder) {
    setTitle(tr("Training settings"));
    setSubTitle(
        tr("Everything here becomes options of <code>dari train</code>, which runs in its own "
           "process."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildBasics());
    advancedToggle_ = new QToolButton(this);
    advancedToggle_->setText(tr("Advanced"));
    advancedToggle_->setCheckable(true);
    advancedToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    advancedToggle_->setArrowType(Qt::RightArrow);
    layout->addWidget(advancedToggle_);
    advanced_ = buildAdvanced();
    advanced_->setVisible(false);
    connect(advancedToggle_, &QToolButton::toggled, this, [this](bool on) {
        advanced_->setVisible(on);
        advancedToggle_->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    layout->addWidget(advanced_);
    layout->addStretch();
    connect(&counting_, &QFutureWatcher<qint64>::finished, this,
            &TrainingSettingsPage::showParameters);
    setSettings(TrainingSettings());
    onStartChanged();
}

QWidget* TrainingSettingsPage::buildBasics() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    start_ = new QComboBox(box);
    start_->setObjectName(QStringLiteral("startFrom"));
    start_->addItem(tr("A new model, trained from scratch"), QString());
    models_ = ModelCatalog::scan(modelsFolder_);
    for (const ModelInfo& m : models_)
        if (m.valid()) start_->addItem(tr("Fine-tune %1 on this data").arg(m.shortLabel()), m.dir);
    startNote_ = new QLabel(box);
    startNote_->setWordWrap(true);
    startNote_->setObjectName(QStringLiteral("startNote"));
    name_ = new QLineEdit(box);
    name_->setObjectName(QStringLiteral("modelName"));
    name_->setValidator(nullptr);
    connect(name_, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    task_ = new QComboBox(box);
    task_->setObjectName(QStringLiteral("task"));
    task_->addItem(tr("Translation"), QStringLiteral("translate"));
    task_->addItem(tr("Chat (question → answer)"), QStringLiteral("chat"));
    srcLang_ = new QLineEdit(box);
    tgtLang_ = new QLineEdit(box);
    for (QLineEdit* e : {srcLang_, tgtLang_})
        e->setMaximumWidth(60);
    auto* langs = new QHBoxLayout;
    langs->addWidget(srcLang_);
    langs->addWidget(new QLabel(QStringLiteral("→"), box));
    langs->addWidget(tgtLang_);
    langs->addStretch();
    cell_ = combo(QStringLiteral("cell"),
                  {QStringLiteral("rnn"), QStringLiteral("gru"), QStringLiteral("lstm")}, box);
    preset_ = new QComboBox(box);
    preset_->setObjectName(QStringLiteral("preset"));
    for (int p = 0; p < 3; ++p) {
        const auto preset = TrainingSettings::Preset(p);
        preset_->addItem(tr("%1 — embedding %2, hidden %3")
                             .arg(TrainingSettings::presetName(preset))
                             .arg(TrainingSettings::embeddingOf(preset))
                             .arg(TrainingSettings::hiddenOf(preset)),
                         p);
    }
    parameters_ = new QLabel(box);
    parameters_->setObjectName(QStringLiteral("parameterCount"));
    auto* size = new QHBoxLayout;
    size->addWidget(preset_, 1);
    size->addWidget(parameters_);
    vocab_ = spin(100, 64000, 500, box);
    vocab_->setObjectName(QStringLiteral("vocabSize"));
    vocab_->setSuffix(tr(" pieces"));
    byMinutes_ = new QRadioButton(tr("minutes:"), box);
    byEpochs_ = new QRadioButton(tr("epochs:"), box);
    minutes_ = doubleSpin(0.1, 10000, 1, 1, box);
    epochs_ = spin(1, 10000, 1, box);
    auto* budget = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{byMinutes_, minutes_, byEpochs_, epochs_})
        budget->addWidget(w);
    budget->addStretch();
    form->addRow(tr("&Start from:"), start_);
    form->addRow(startNote_);
    form->addRow(tr("Model &name:"), name_);
    form->addRow(tr("&Task:"), task_);
    form->addRow(tr("Languages:"), langs);
    form->addRow(tr("&Cell:"), cell_);
    form->addRow(tr("Size:"), size);
    form->addRow(tr("&Vocabulary:"), vocab_);
    form->addRow(tr("Budget:"), budget);
    architecture_ = {task_, srcLang_, tgtLang_, cell_, preset_, vocab_};
    connect(start_, &QComboBox::currentIndexChanged, this, &TrainingSettingsPage::onStartChanged);
    connect(task_, &QComboBox::currentIndexChanged, this, &TrainingSettingsPage::onTaskChanged);
    for (QWidget* w : std::initializer_list<QWidget*>{cell_, preset_, vocab_})
        watch(w);
    return box;
}

QWidget* TrainingSettingsPage::buildAdvanced() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    attention_ = combo(QStringLiteral("attention"),
                       {QStringLiteral("none"), QStringLiteral("bahdanau"), QStringLiteral("dot"),
                        QStringLiteral("general")},
                       box);
    layers_ = spin(1, 4, 1, box);
    layers_->setObjectName(QStringLiteral("layers"));
    bidirectional_ = new QCheckBox(tr("bidirectional encoder"), box);
    dropout_ = doubleSpin(0, 0.9, 0.05, 2, box);
    lr_ = doubleSpin(0.00001, 1, 0.0001, 5, box);
    batch_ = spin(1, 4096, 8, box);
    batch_->setSuffix(tr(" sentences"));
    forcing_ = doubleSpin(0, 1, 0.05, 2, box);
    forcingEnd_ = doubleSpin(0, 1, 0.05, 2, box);
    auto* forcing = new QHBoxLayout;
    forcing->addWidget(forcing_);
    forcing->addWidget(new QLabel(tr("at the start, decaying to"), box));
    forcing->addWidget(forcingEnd_);
    forcing->addStretch();
    validateEvery_ = spin(1, 1000000, 50, box);
    validateEvery_->setSuffix(tr(" steps"));
    // dari train --nproc: the same model as one process (the global batch is kept).
    processes_ = spin(1, std::max(1, QThread::idealThreadCount()), 1, box);
    processes_->setObjectName(QStringLiteral("processes"));
    processes_->setToolTip(
        tr("Train in this many processes that share this machine's cores and "
           "sum their gradients (data parallelism); the model is the same as "
           "with one"));
    form->addRow(tr("&Attention:"), attention_);
    form->addRow(tr("&Layers:"), layers_);
    form->addRow(QString(), bidirectional_);
    form->addRow(tr("&Dropout:"), dropout_);
    form->addRow(tr("Learning &rate:"), lr_);
    form->addRow(tr("&Batch size:"), batch_);
    form->addRow(tr("Teacher forcing:"), forcing);
    form->addRow(tr("Validate and checkpoint every:"), validateEvery_);
    form->addRow(tr("&Processes on this machine:"), processes_);
    architecture_ << attention_ << layers_ << bidirectional_ << dropout_;
    for (QWidget* w : std::initializer_list<QWidget*>{attention_, layers_, bidirectional_})
        watch(w);
    return box;
}

void TrainingSettingsPage::watch(QWidget* widget) {
    if (auto* c = qobject_cast<QComboBox*>(widget))
        connect(c, &QComboBox::currentIndexChanged, this, &TrainingSettingsPage::updateParameters);
    if (auto* s = qobject_cast<QSpinBox*>(widget))
        connect(s, &QSpinBox::valueChanged, this, &TrainingSettingsPage::updateParameters);
    if (auto* b = qobject_cast<QCheckBox*>(widget))
        connect(b, &QCheckBox::toggled, this, &TrainingSettingsPage::updateParameters);
}

void TrainingSettingsPage::onStartChanged() {
    const QString base = fineTuneFrom();
    for (QWidget* w : architecture_)
        w->setEnabled(base.isEmpty());
    if (base.isEmpty()) {
        startNote_->setText(
            tr("<i>New model:</i> new vocabularies and a new network of the size below."));
    } else {
        const ModelInfo info = ModelCatalog::inspect(base);
        task_->setCurrentIndex(task_->findData(info.task));
        startNote_->setText(
            tr("<i>Fine-tune:</i> starts from %1's network and vocabularies and trains them on the "
               "new data; step counter, best score and learning-rate schedule start over. "
               "%1 itself is not changed. (To continue an interrupted run instead, use "
               "File ▸ Continue interrupted training…)")
                .arg(info.name.toHtmlEscaped()));
    }
    updateParameters();
}

void TrainingSettingsPage::onTaskChanged() {
    const bool chat = task_->currentData().toString() == QLatin1String("chat");
    srcLang_->setText(QStringLiteral("ko"));
    tgtLang_->setText(chat ? QStringLiteral("ko") : QStringLiteral("en"));
}

// Building a base-size network to count its parameters takes ~0.1 s: never on the GUI thread.
void TrainingSettingsPage::updateParameters() {
    if (counting_.isRunning()) {
        recount_ = true;
        return;
    }
    const QString base = fineTuneFrom();
    if (!base.isEmpty()) {
        parameters_->setText(
            tr("%1 parameters").arg(QLocale().toString(ModelCatalog::inspect(base).parameters)));
        return;
    }
    parameters_->setText(tr("counting parameters…"));
    const TrainingSettings s = settings();
    counting_.setFuture(QtConcurrent::run([s] { return s.parameterCount(); }));
}

void TrainingSettingsPage::showParameters() {
    if (recount_) {
        recount_ = false;
        updateParameters();
        return;
    }
    parameters_->setText(tr("%1 parameters").arg(QLocale().toString(counting_.result())));
}

QString TrainingSettingsPage::parameterText() const {
    return parameters_->text();
}

TrainingSettings TrainingSettingsPage::settings() const {
    TrainingSettings s;
    s.task = task_->currentData().toString();
    s.srcLang = srcLang_->text().trimmed();
    s.tgtLang = tgtLang_->text().trimmed();
    s.cell = cell_->currentData().toString();
    s.preset = TrainingSettings::Preset(preset_->currentData().toInt());
    s.vocabSize = vocab_->value();
    s.budget = byEpochs_->isChecked() ? TrainingSettings::Budget::Epochs
                                      : TrainingSettings::Budget::Minutes;
    s.minutes = minutes_->value();
    s.epochs = epochs_->value();
    s.attention = attention_->currentData().toString();
    s.layers = layers_->value();
    s.bidirectional = bidirectional_->isChecked();
    s.dropout = dropout_->value();
    s.learningRate = lr_->value();
    s.batchSize = batch_->value();
    s.teacherForcing = forcing_->value();
    s.teacherForcingEnd = forcingEnd_->value();
    s.validateEvery = validateEvery_->value();
    s.processes = processes_->value();
    s.logEvery = logEvery_;
    s.extraSets = extraSets_;
    return s;
}

void TrainingSettingsPage::setSettings(const TrainingSettings& s) {
    task_->setCurrentIndex(std::max(0, task_->findData(s.task)));
    srcLang_->setText(s.srcLang);
    tgtLang_->setText(s.tgtLang);
    cell_->setCurrentIndex(std::max(0, cell_->findData(s.cell)));
    preset_->setCurrentIndex(int(s.preset));
    vocab_->setValue(s.vocabSize);
    (s.budget == TrainingSettings::Budget::Epochs ? byEpochs_ : byMinutes_)->setChecked(true);
    minutes_->setValue(s.minutes);
    epochs_->setValue(s.epochs);
    attention_->setCurrentIndex(std::max(0, attention_->findData(s.attention)));
    layers_->setValue(s.layers);
    bidirectional_->setChecked(s.bidirectional);
    dropout_->setValue(s.dropout);
    lr_->setValue(s.learningRate);
    batch_->setValue(s.batchSize);
    forcing_->setValue(s.teacherForcing);
    forcingEnd_->setValue(s.teacherForcingEnd);
    validateEvery_->setValue(s.validateEvery);
    processes_->setValue(s.processes);
    logEvery_ = s.logEvery;
    extraSets_ = s.extraSets;
    updateParameters();
}

QString TrainingSettingsPage::modelName() const {
    return name_->text().trimmed();
}
void TrainingSettingsPage::setModelName(const QString& name) {
    name_->setText(name);
}
QString TrainingSettingsPage::fineTuneFrom() const {
    return start_->currentData().toString();
}

void TrainingSettingsPage::setFineTuneFrom(const QString& dir) {
    const int index = start_->findData(QDir(dir).absolutePath());
    start_->setCurrentIndex(std::max(0, index));
}

bool TrainingSettingsPage::isComplete() const {
    const QString name = modelName();
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
        return false;
    return !QDir(modelsFolder_).exists(name);
}

}  // namespace dari
