// The window's model files: a packed model's card shown before it is installed, installed on
// a worker thread and put to use; a damaged file refused in the dialog; the model manager's
// table (sorted by score as numbers) and removal.

#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "model/bundle/bundle.h"
#include "model/bundle/model_archive.h"
#include "test_helpers.h"
#include "ui/main_window.h"
#include "ui/models/import_model_dialog.h"
#include "ui/models/model_manager_dialog.h"
#include "ui/models/model_table_model.h"

namespace {

// A small untrained translate bundle in `dir`, with the dev BLEU given.
void saveBundle(const std::string& dir, double devBleu) {
    static const auto vocabularies = [] {
        const std::string corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
        dari::VocabularyOptions options;
        options.size = 1000;
        return std::make_pair(
            dari::Vocabulary::train(helpers::tsvColumn(corpus, 0), options).serialized(),
            dari::Vocabulary::train(helpers::tsvColumn(corpus, 1), options).serialized());
    }();
    dari::Bundle bundle;
    bundle.src = dari::Vocabulary::fromSerialized(vocabularies.first);
    bundle.tgt = dari::Vocabulary::fromSerialized(vocabularies.second);
    auto& m = bundle.config.model;
    m.embeddingSize = m.encoderHidden = m.decoderHidden = m.attentionSize = 8;
    bundle.model = dari::Seq2Seq(m, bundle.src.size(), bundle.tgt.size());
    bundle.meta.srcLang = "ko";
    bundle.meta.tgtLang = "en";
    bundle.meta.devBleu = devBleu;
    bundle.meta.parameters = bundle.model->parameterCount();
    bundle.meta.trainingData = {"tatoeba-ko-en/train.tsv"};
    bundle.save(dir);
}

dari::WindowOptions optionsIn(const QTemporaryDir& dir) {
    {
        QSettings s(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("models/folder"), dir.filePath(QStringLiteral("models")));
    }
    dari::WindowOptions options;
    options.historyDb = dir.filePath(QStringLiteral("history.sqlite"));
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    options.dialogs = true;
    return options;
}

}  // namespace

class TestModelManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void tableSortsScoresAsNumbers() {
        QTemporaryDir dir;
        QList<dari::ModelInfo> models;
        for (const auto& [name, bleu] :
             {std::pair{"a", 9.5}, std::pair{"b", 15.06}, std::pair{"c", 2.0}}) {
            saveBundle(dir.filePath(name).toStdString(), bleu);
            models.append(dari::ModelCatalog::inspect(dir.filePath(name)));
        }
        dari::ModelManagerDialog manager;
        manager.setModels(models);
        auto* view = manager.findChild<QTableView*>(QStringLiteral("modelTable"));
        QCOMPARE(view->model()->rowCount(), 3);
        view->sortByColumn(dari::ModelTableModel::DevBleu, Qt::DescendingOrder);
        const auto bleuAt = [&](int row) {
            return view->model()->index(row, dari::ModelTableModel::DevBleu).data().toString();
        };
        // As text "9.50" would sort above "15.06".
        QCOMPARE(bleuAt(0), QStringLiteral("15.06"));
        QCOMPARE(bleuAt(2), QStringLiteral("2.00"));
        manager.select(dir.filePath(QStringLiteral("a")));
        QCOMPARE(manager.selected().name, QStringLiteral("a"));
        QVERIFY(dari::ModelManagerDialog::removable(manager.selected()));
        dari::ModelInfo packaged = manager.selected();
        packaged.dir = QStringLiteral("/proc/1/models/a");  // a folder no user can write
        QVERIFY(!dari::ModelManagerDialog::removable(packaged));
    }

    void importShowsTheCardThenInstallsAndUses() {
        QTemporaryDir dir;
        saveBundle(dir.filePath("shared-ko-en").toStdString(), 12.5);
        const QString file = dir.filePath(QStringLiteral("shared-ko-en.dari"));
        dari::packModel(dir.filePath("shared-ko-en").toStdString(), file.toStdString());
        dari::MainWindow window(optionsIn(dir));
        window.importModel(file);
        auto* dialog = window.findChild<dari::ImportModelDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->cardReadable());
        QVERIFY2(dialog->cardText().contains(QStringLiteral("CC-BY-2.0-FR")),
                 qPrintable(dialog->cardText()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("models/shared-ko-en"))));
        QSignalSpy installed(dialog, &dari::ImportModelDialog::installed);
        dialog->install();
        QTRY_COMPARE_WITH_TIMEOUT(installed.count(), 1, 30000);
        const QString target = dir.filePath(QStringLiteral("models/shared-ko-en"));
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/model.pt")));
        QCOMPARE(window.modelDir(dari::MainWindow::Mode::Translate), target);

        // The same file again: it would replace the installed one, and says so.
        window.importModel(file);
        dari::ImportModelDialog* again = nullptr;
        QTRY_VERIFY((again = window.findChild<dari::ImportModelDialog*>()) != nullptr);
        auto* install = again->findChild<QPushButton*>(QStringLiteral("install"));
        QVERIFY(install && install->text().contains(QStringLiteral("Replace")));
        again->reject();
    }

    void aDamagedFileIsRefusedInTheDialog() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.dari"));
        std::ofstream(file.toStdString()) << "not an archive";
        dari::MainWindow window(optionsIn(dir));
        window.importModel(file);
        auto* dialog = window.findChild<dari::ImportModelDialog*>();
        QVERIFY(dialog);
        QVERIFY(!dialog->cardReadable());
        QVERIFY2(dialog->errorText().contains(file), qPrintable(dialog->errorText()));
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("install")));
        QVERIFY(QDir(dir.filePath(QStringLiteral("models"))).isEmpty());
    }

    void managerRemovesAModel() {
        QTemporaryDir dir;
        saveBundle(dir.filePath("models/old-ko-en").toStdString(), 5.0);
        dari::MainWindow window(optionsIn(dir));
        window.manageModels();
        auto* manager = window.findChild<dari::ModelManagerDialog*>();
        QVERIFY(manager);
        manager->select(dir.filePath(QStringLiteral("models/old-ko-en")));
        QCOMPARE(manager->selected().name, QStringLiteral("old-ko-en"));
        manager->removeSelected();
        auto* confirm = manager->findChild<QMessageBox*>(QStringLiteral("confirmRemove"));
        QVERIFY(confirm);
        confirm->button(QMessageBox::Yes)->click();
        QTRY_VERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("models/old-ko-en"))));
        QCOMPARE(manager->findChild<QTableView*>()->model()->rowCount(), 0);
        QVERIFY(window.modelDir(dari::MainWindow::Mode::Translate).isEmpty());
    }
};

QTEST_MAIN(TestModelManager)
#include "test_model_manager.moc"
