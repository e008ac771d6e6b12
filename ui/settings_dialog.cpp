#include "ui/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

#include "ui/interface_language.h"
#include "ui/model_catalog.h"

namespace dari {

SettingsDialog::SettingsDialog(const AppSettings& s, QWidget* parent) : QDialog(parent), base_(s) {
    setWindowTitle(tr("Settings"));
    auto* form = new QFormLayout;

    beam_ = new QSpinBox(this);
    beam_->setObjectName(QStringLiteral("beam"));
    beam_->setRange(0, 32);  // 0: unset
    beam_->setSpecialValueText(tr("as the model says"));
    beam_->setValue(s.beam.value_or(0));
    beam_->setToolTip(
        tr("Beam search width in Translate mode; 1 is greedy. Up to 5 alternatives are shown."));
    form->addRow(tr("&Beam size:"), beam_);

    ratio_ = new QDoubleSpinBox(this);
    ratio_->setObjectName(QStringLiteral("maxLengthRatio"));
    ratio_->setRange(0.4, 10.0);  // 0.4: unset
    ratio_->setSingleStep(0.1);
    ratio_->setSpecialValueText(tr("as the model says"));
    ratio_->setValue(s.maxLengthRatio.value_or(ratio_->minimum()));
    ratio_->setToolTip(tr("A reply has at most ratio × input pieces + 10 pieces."));
    form->addRow(tr("Maximum &length ratio:"), ratio_);

    temperature_ = new QDoubleSpinBox(this);
    temperature_->setObjectName(QStringLiteral("temperature"));
    temperature_->setRange(0.0, 5.0);  // 0: unset
    temperature_->setSingleStep(0.05);
    temperature_->setSpecialValueText(tr("as the model says"));
    temperature_->setValue(s.temperature.value_or(0.0));
    form->addRow(tr("Chat &temperature:"), temperature_);

    topK_ = new QSpinBox(this);
    topK_->setObjectName(QStringLiteral("topK"));
    topK_->setRange(-1, 1000);  // -1: unset
    topK_->setSpecialValueText(tr("as the model says"));
    topK_->setToolTip(tr("Sample among the k likeliest pieces; 0: all pieces."));
    topK_->setValue(s.topK.value_or(-1));
    form->addRow(tr("Chat top-&k:"), topK_);

    folder_ = new QLineEdit(s.modelsFolder, this);
    folder_->setObjectName(QStringLiteral("modelsFolder"));
    folder_->setPlaceholderText(ModelCatalog::modelsFolder({}));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Models folder"), folder_->text());
        if (!dir.isEmpty()) folder_->setText(dir);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(folder_, 1);
    row->addWidget(browse);
    auto* folderLabel = new QLabel(tr("&Models folder:"), this);  // a row of two: say whose key
    folderLabel->setBuddy(folder_);
    form->addRow(folderLabel, row);

    fontSize_ = new QSpinBox(this);
    fontSize_->setObjectName(QStringLiteral("fontSize"));
    fontSize_->setRange(AppSettings::kMinFontSize, AppSettings::kMaxFontSize);
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

    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("language"));
    for (const QString& language : interfaceLanguages())
        language_->addItem(languageDisplayName(language), language);
    language_->setCurrentIndex(qMax(0, language_->findData(s.language)));
    language_->setToolTip(tr("Takes effect the next time Dari starts."));
    form->addRow(tr("&Language:"), language_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const {
    AppSettings s = base_;
    // The spin boxes' minimum ("as the model says") leaves a setting unset.
    s.beam = beam_->value() > beam_->minimum() ? std::optional<int>(beam_->value()) : std::nullopt;
    s.maxLengthRatio =
        ratio_->value() > ratio_->minimum() ? std::optional<double>(ratio_->value()) : std::nullopt;
    s.temperature = temperature_->value() > temperature_->minimum()
                        ? std::optional<double>(qMax(0.05, temperature_->value()))
                        : std::nullopt;
    s.topK = topK_->value() > topK_->minimum() ? std::optional<int>(topK_->value()) : std::nullopt;
    s.modelsFolder = folder_->text().trimmed();
    s.fontSize = fontSize_->value();
    s.threads = threads_->value();
    s.translateAsYouType = asYouType_->isChecked();
    s.language = language_->currentData().toString();
    return s;
}

}  // namespace dari
