#include "ui/training/corpus_file_page.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace dari {

namespace {

enum MoreColumn { FileColumn, WeightColumn };
constexpr double kMaxWeight = 1000.0;

QDoubleSpinBox* weightBox(QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setDecimals(2);
    box->setRange(0.01, kMaxWeight);
    box->setSingleStep(0.1);
    box->setValue(1.0);
    return box;
}

}  // namespace

CorpusFilePage::CorpusFilePage(QWidget* parent) : QWizardPage(parent) {
    setTitle(tr("Choose a corpus"));
    setSubTitle(
        tr("Sentence pairs to train on: source and target (translation), or question and answer "
           "(chat)."));
    format_ = new QComboBox(this);
    format_->setObjectName(QStringLiteral("corpusFormat"));
    format_->addItem(tr("TSV — source<TAB>target, one pair a line"),
                     int(CorpusSource::Format::Tsv));
    format_->addItem(tr("CSV with a header — choose the columns"), int(CorpusSource::Format::Csv));
    format_->addItem(tr("Two aligned files — line N of one translates line N of the other"),
                     int(CorpusSource::Format::Aligned));
    QWidget* pathRow = nullptr;
    QWidget* devRow = nullptr;
    path_ = fileRow(QStringLiteral("corpusPath"), tr("Choose the corpus file"), &pathRow);
    target_ = fileRow(QStringLiteral("targetPath"), tr("Choose the target-side file"), &targetRow_);
    dev_ = fileRow(QStringLiteral("devPath"), tr("Choose a dev set (TSV or CSV)"), &devRow);
    dev_->setPlaceholderText(tr("empty: a dev split is taken from the corpus automatically"));
    srcColumn_ = new QComboBox(this);
    srcColumn_->setObjectName(QStringLiteral("srcColumn"));
    tgtColumn_ = new QComboBox(this);
    tgtColumn_->setObjectName(QStringLiteral("tgtColumn"));
    columnsRow_ = new QWidget(this);
    auto* columns = new QHBoxLayout(columnsRow_);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addWidget(new QLabel(tr("source:"), columnsRow_));
    columns->addWidget(srcColumn_, 1);
    columns->addWidget(new QLabel(tr("target:"), columnsRow_));
    columns->addWidget(tgtColumn_, 1);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    weight_ = weightBox(this);
    weight_->setObjectName(QStringLiteral("corpusWeight"));
    weight_->setToolTip(
        tr("How much of the corpus each epoch trains on: 1 all of it, 2 every pair "
           "twice, 0.5 a different half each epoch"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Format:"), format_);
    form->addRow(tr("&Corpus file:"), pathRow);
    form->addRow(tr("&Target file:"), targetRow_);
    form->addRow(tr("C&olumns:"), columnsRow_);
    form->addRow(tr("&Weight:"), weight_);
    form->addRow(tr("&More corpora:"), moreCorporaBox());
    form->addRow(tr("&Dev set:"), devRow);
    form->addRow(hint_);
    connect(format_, &QComboBox::currentIndexChanged, this, &CorpusFilePage::onFormatChanged);
    connect(path_, &QLineEdit::textChanged, this, [this](const QString& text) {
        const auto guessed = CorpusSource::guessFormat(text);
        if (guessed != CorpusSource::Format::Aligned)
            format_->setCurrentIndex(format_->findData(int(guessed)));
        fillColumns();
        Q_EMIT completeChanged();
    });
    connect(target_, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    onFormatChanged();
}

// Further TSV corpora, each with its weight (edited in place): `dari train --train FILE:WEIGHT`.
QWidget* CorpusFilePage::moreCorporaBox() {
    auto* box = new QWidget(this);
    more_ = new QStandardItemModel(0, 2, this);
    more_->setHorizontalHeaderLabels({tr("Corpus file (TSV)"), tr("Weight")});
    moreView_ = new QTableView(box);
    moreView_->setObjectName(QStringLiteral("moreCorpora"));
    moreView_->setModel(more_);
    moreView_->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    moreView_->horizontalHeader()->setSectionResizeMode(WeightColumn,
                                                        QHeaderView::ResizeToContents);
    moreView_->verticalHeader()->setVisible(false);
    moreView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    moreView_->setMaximumHeight(110);
    moreView_->setToolTip(
        tr("Corpora trained on together with the first one. Weight: the share "
           "of each corpus an epoch trains on (double-click to change it)."));
    auto* add = new QPushButton(tr("Add corpus…"), box);
    add->setObjectName(QStringLiteral("addCorpus"));
    removeCorpus_ = new QPushButton(tr("Remove"), box);
    removeCorpus_->setObjectName(QStringLiteral("removeCorpus"));
    removeCorpus_->setEnabled(false);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString file = browse(tr("Add a corpus to mix in"), tr("TSV corpora (*.tsv)"));
        if (!file.isEmpty()) addCorpus(file);
    });
    connect(removeCorpus_, &QPushButton::clicked, this, [this] {
        const QModelIndex current = moreView_->currentIndex();
        if (current.isValid()) more_->removeRow(current.row());
    });
    connect(moreView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { removeCorpus_->setEnabled(current.isValid()); });
    connect(more_, &QStandardItemModel::rowsRemoved, this, &QWizardPage::completeChanged);
    connect(more_, &QStandardItemModel::rowsInserted, this, &QWizardPage::completeChanged);
    connect(more_, &QStandardItemModel::dataChanged, this, &QWizardPage::completeChanged);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(removeCorpus_);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(moreView_, 1);
    layout->addLayout(buttons);
    return box;
}

void CorpusFilePage::addCorpus(const QString& path, double weight) {
    auto* file = new QStandardItem(path);
    file->setToolTip(path);
    auto* share = new QStandardItem;
    share->setData(weight, Qt::EditRole);
    more_->appendRow({file, share});
}

QList<CorpusSource> CorpusFilePage::moreSources() const {
    QList<CorpusSource> out;
    for (int row = 0; row < more_->rowCount(); ++row) {
        CorpusSource s;
        s.path = more_->item(row, FileColumn)->text().trimmed();
        s.weight = more_->item(row, WeightColumn)->data(Qt::EditRole).toDouble();
        out.append(s);
    }
    return out;
}

QLineEdit* CorpusFilePage::fileRow(const QString& object, const QString& title, QWidget** row) {
    *row = new QWidget(this);
    auto* edit = new QLineEdit(*row);
    edit->setObjectName(object);
    auto* button = new QPushButton(tr("Browse…"), *row);
    connect(button, &QPushButton::clicked, this, [this, edit, title] {
        const QString file = browse(title, tr("Corpora (*.tsv *.csv *.txt *.*)"));
        if (!file.isEmpty()) edit->setText(file);
    });
    auto* layout = new QHBoxLayout(*row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return edit;
}

QString CorpusFilePage::browse(const QString& title, const QString& filter) {
    return QFileDialog::getOpenFileName(this, title, QFileInfo(path_->text()).absolutePath(),
                                        filter);
}

void CorpusFilePage::onFormatChanged() {
    const auto format = CorpusSource::Format(format_->currentData().toInt());
    targetRow_->setEnabled(format == CorpusSource::Format::Aligned);
    columnsRow_->setEnabled(format == CorpusSource::Format::Csv);
    const char* hints[] = {
        QT_TR_NOOP("Each line: the source sentence, a tab, the target sentence. No header."),
        QT_TR_NOOP(
            "RFC 4180 CSV whose first line names the columns; pick the source and target columns."),
        QT_TR_NOOP(
            "Two plain-text files with one sentence a line: the corpus file holds the source side, "
            "the target file the target side.")};
    hint_->setText(tr(hints[int(format)]));
    fillColumns();
    Q_EMIT completeChanged();
}

void CorpusFilePage::fillColumns() {
    const bool csv =
        CorpusSource::Format(format_->currentData().toInt()) == CorpusSource::Format::Csv;
    const QStringList names = csv ? CorpusSource::csvHeader(path_->text()) : QStringList();
    for (QComboBox* box : {srcColumn_, tgtColumn_}) {
        const QString kept = box->currentText();
        box->clear();
        box->addItems(names);
        if (names.contains(kept)) box->setCurrentText(kept);
    }
    if (names.size() > 1 && srcColumn_->currentIndex() == tgtColumn_->currentIndex())
        tgtColumn_->setCurrentIndex(1);
}

CorpusSource CorpusFilePage::source() const {
    CorpusSource s;
    s.format = CorpusSource::Format(format_->currentData().toInt());
    s.path = path_->text().trimmed();
    if (s.format == CorpusSource::Format::Aligned) s.targetPath = target_->text().trimmed();
    if (s.format == CorpusSource::Format::Csv) {
        s.srcColumn = srcColumn_->currentText();
        s.tgtColumn = tgtColumn_->currentText();
    }
    s.weight = weight_->value();
    return s;
}

CorpusSource CorpusFilePage::devSource() const {
    CorpusSource s;
    s.path = dev_->text().trimmed();
    if (s.path.isEmpty()) return s;
    s.format = CorpusSource::guessFormat(s.path) == CorpusSource::Format::Csv
                   ? CorpusSource::Format::Csv
                   : CorpusSource::Format::Tsv;
    const CorpusSource train = source();
    if (s.format == CorpusSource::Format::Csv && train.format == CorpusSource::Format::Csv) {
        s.srcColumn = train.srcColumn;  // `dari train --columns` applies to both
        s.tgtColumn = train.tgtColumn;
    }
    return s;
}

void CorpusFilePage::setSource(const CorpusSource& source) {
    path_->setText(source.path);
    format_->setCurrentIndex(format_->findData(int(source.format)));
    target_->setText(source.targetPath);
    fillColumns();
    if (!source.srcColumn.isEmpty()) srcColumn_->setCurrentText(source.srcColumn);
    if (!source.tgtColumn.isEmpty()) tgtColumn_->setCurrentText(source.tgtColumn);
    weight_->setValue(source.weight);
}

void CorpusFilePage::setDevPath(const QString& path) {
    dev_->setText(path);
}

bool CorpusFilePage::isComplete() const {
    const CorpusSource s = source();
    if (!QFileInfo(s.path).isFile()) return false;
    if (s.format == CorpusSource::Format::Aligned && !QFileInfo(s.targetPath).isFile())
        return false;
    if (s.format == CorpusSource::Format::Csv &&
        (s.srcColumn.isEmpty() || s.srcColumn == s.tgtColumn))
        return false;
    for (const CorpusSource& more : moreSources())
        if (!QFileInfo(more.path).isFile() || !(more.weight > 0 && more.weight <= kMaxWeight))
            return false;
    return true;
}

}  // namespace dari
