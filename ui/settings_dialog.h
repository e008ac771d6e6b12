#pragma once
// Edits AppSettings: decoding, chat sampling, models folder, font size, threads.

#include <QDialog>

#include "ui/app_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace dari {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;  // the edited values

private:
    AppSettings base_;
    QSpinBox* beam_;
    QDoubleSpinBox* ratio_;
    QDoubleSpinBox* temperature_;
    QSpinBox* topK_;
    QLineEdit* folder_;
    QSpinBox* fontSize_;
    QSpinBox* threads_;
    QCheckBox* asYouType_;
    QComboBox* language_;
};

}  // namespace dari
