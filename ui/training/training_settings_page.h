#pragma once
// Import corpus wizard, page 3: training settings. A new model (task, cell,
// size preset with its parameter count, vocabulary, budget, and an Advanced
// section) or a fine-tune of an existing bundle on the imported data.

#include <QFutureWatcher>
#include <QWizardPage>

#include "ui/model_catalog.h"
#include "ui/training/training_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QToolButton;

namespace dari {

class TrainingSettingsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingSettingsPage(const QString& modelsFolder, QWidget* parent = nullptr);

    TrainingSettings settings() const;
    void setSettings(const TrainingSettings& settings);
    QString modelName() const;
    void setModelName(const QString& name);
    QString fineTuneFrom() const;  // empty: a new model
    void setFineTuneFrom(const QString& dir);
    QString parameterText() const;  // "6,687,648 parameters" (counted off the GUI thread)

    bool isComplete() const override;

private:
    QWidget* buildBasics();
    QWidget* buildAdvanced();
    void onStartChanged();
    void onTaskChanged();
    void updateParameters();
    void showParameters();
    void watch(QWidget* widget);

    QString modelsFolder_;
    QList<ModelInfo> models_;
    QComboBox* start_ = nullptr;
    QLabel* startNote_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* task_ = nullptr;
    QLineEdit* srcLang_ = nullptr;
    QLineEdit* tgtLang_ = nullptr;
    QComboBox* cell_ = nullptr;
    QComboBox* preset_ = nullptr;
    QLabel* parameters_ = nullptr;
    QSpinBox* vocab_ = nullptr;
    QRadioButton* byMinutes_ = nullptr;
    QRadioButton* byEpochs_ = nullptr;
    QDoubleSpinBox* minutes_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QToolButton* advancedToggle_ = nullptr;
    QWidget* advanced_ = nullptr;
    QComboBox* attention_ = nullptr;
    QSpinBox* layers_ = nullptr;
    QCheckBox* bidirectional_ = nullptr;
    QDoubleSpinBox* dropout_ = nullptr;
    QDoubleSpinBox* lr_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QDoubleSpinBox* forcing_ = nullptr;
    QDoubleSpinBox* forcingEnd_ = nullptr;
    QSpinBox* validateEvery_ = nullptr;
    QSpinBox* processes_ = nullptr;
    QList<QWidget*> architecture_;  // disabled when fine-tuning: the base model decides
    QFutureWatcher<qint64> counting_;
    bool recount_ = false;  // settings changed while counting
    QStringList extraSets_;
    int logEvery_ = 50;
};

}  // namespace dari
