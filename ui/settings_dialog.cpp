#include "ui/settings_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

#include "ui/model_catalog.h"

namespace dari {

SettingsDialog::SettingsDialog(const AppSettings& s, QWidget* parent) : QDialog(parent), base_(s) {
    setWindowTitle(tr("Settings"));
    auto* form = new QFormLayout;

    beam_ = new QSpinBox(this);
    beam_->setObjectName(QStringLiteral("beam"));
    beam_->setRange(1, 32);
    beam_->setValue(s.beam);
    beam_->setToolTip(tr("Beam search width in Translate mode; 1 is greedy. Up to 5 alternatives are shown."));
    form->addRow(tr("&Beam size:"), beam_);

    ratio_ = new QDoubleSpinBox(this);
    ratio_->setObjectName(QStringLiteral("maxLengthRatio"));
    ratio_->setRange(0.5, 10.0);
    ratio_->setSingleStep(0.1);
    ratio_->setValue(s.maxLengthRatio);
    ratio_->setToolTip(tr("A reply has at most ratio × input pieces + 10 pieces."));
    form->addRow(tr("Maximum &length ratio:"), ratio_);

    temperature_ = new QDoubleSpinBox(this);
    temperature_->setObjectName(QStringLiteral("temperature"));
    temperature_->setRange(0.05, 5.0);
    temperature_->setSingleStep(0.05);
    temperature_->setValue(s.temperature);
    form->addRow(tr("Chat &temperature:"), temperature_);

    topK_ = new QSpinBox(this);
    topK_->setObjectName(QStringLiteral("topK"));
    topK_->setRange(0, 1000);
    topK_->setSpecialValueText(tr("all pieces"));
    topK_->setValue(s.topK);
    form->addRow(tr("Chat top-&k:"), topK_);

    folder_ = new QLineEdit(s.modelsFolder, this);
    folder_->setObjectName(QStringLiteral("modelsFolder"));
    folder_->setPlaceholderText(ModelCatalog::modelsFolder({}));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Models folder"), folder_->text());
        if (!dir.isEmpty()) folder_->setText(dir);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(folder_, 1);
    row->addWidget(browse);
    form->addRow(tr("&Models folder:"), row);

    fontSize_ = new QSpinBox(this);
    fontSize_->setObjectName(QStringLiteral("fontSize"));
    fontSize_->setRange(6, 40);
    fontSize_->setSuffix(tr(" pt"));
    fontSize_->setValue(s.fontSize);
    form->addRow(tr("&Font size:"), fontSize_);

    threads_ = new QSpinBox(this);
    threads_->setObjectName(QStringLiteral("threads"));
    threads_->setRange(0, std::max(1, QThread::idealThreadCount()) * 2);
    threads_->setSpecialValueText(tr("automatic"));
    threads_->setValue(s.threads);
    form->addRow(tr("&Threads:"), threads_);

    asYouType_ = new QCheckBox(tr("Translate as you &type"), this);
    asYouType_->setObjectName(QStringLiteral("asYouType"));
    asYouType_->setChecked(s.translateAsYouType);
    form->addRow(QString(), asYouType_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const {
    AppSettings s = base_;
    s.beam = beam_->value();
    s.maxLengthRatio = ratio_->value();
    s.temperature = temperature_->value();
    s.topK = topK_->value();
    s.modelsFolder = folder_->text().trimmed();
    s.fontSize = fontSize_->value();
    s.threads = threads_->value();
    s.translateAsYouType = asYouType_->isChecked();
    return s;
}

}  // namespace dari
