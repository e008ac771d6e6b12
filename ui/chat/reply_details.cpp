#include "ui/chat/reply_details.h"

#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/chat/attention_heatmap.h"
#include "ui/chat/conversation_model.h"

namespace dari {

ReplyDetails::ReplyDetails(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::RichText);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    note_->hide();

    sentencePicker_ = new QComboBox(this);
    sentencePicker_->setObjectName(QStringLiteral("sentencePicker"));
    sentencePicker_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    sentencePicker_->setMinimumContentsLength(12);
    sentencePicker_->setToolTip(
        tr("The input had several sentences: pick one to see its alternatives and attention"));
    sentencePicker_->setAccessibleName(tr("Sentence"));
    connect(sentencePicker_, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &ReplyDetails::showSentence);

    alternatives_ = new QListWidget(this);
    alternatives_->setObjectName(QStringLiteral("alternatives"));
    alternatives_->setWordWrap(true);
    alternatives_->setAlternatingRowColors(true);
    alternatives_->setToolTip(tr("Double-click an alternative to copy it"));
    connect(alternatives_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT copyRequested(item->data(Qt::UserRole).toString());
    });

    heatmap_ = new AttentionHeatmap;
    heatmap_->setObjectName(QStringLiteral("heatmap"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(heatmap_);
    scroll->setWidgetResizable(true);  // the heatmap's cells grow into the space there is
    scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    scroll->setBackgroundRole(QPalette::Base);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("detailTabs"));
    tabs_->addTab(alternatives_, tr("&Alternatives"));
    tabs_->addTab(scroll, tr("Atte&ntion"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title_);
    layout->addWidget(note_);
    layout->addWidget(sentencePicker_);
    layout->addWidget(tabs_, 1);
    clear();
}

void ReplyDetails::clear() {
    title_->setText(tr("<b>Details</b><br>Select one of Dari's replies."));
    note_->hide();
    sentences_.clear();
    fillSentencePicker();
    alternatives_->clear();
    heatmap_->clear();
}

void ReplyDetails::showMessage(const Message& m) {
    if (m.sender != Message::Sender::Dari || m.pending) {
        clear();
        return;
    }
    chat_ = m.mode == QLatin1String("chat");
    title_->setText(tr("<b>Reply by %1</b>").arg(m.model.toHtmlEscaped()));
    QStringList notes;
    if (m.truncated)
        notes << tr("The input was longer than the model's limit: only its beginning was read.");
    if (chat_)
        notes << tr(
            "Chat replies are sampled: Dari drew several and answered with the likeliest; the "
            "distinct draws are listed.");
    note_->setText(notes.join(QLatin1Char('\n')));
    note_->setVisible(!notes.isEmpty());
    sentences_ = m.sentences;
    fillSentencePicker();
    showSentence(0);
}

void ReplyDetails::fillSentencePicker() {
    const QSignalBlocker block(sentencePicker_);
    sentencePicker_->clear();
    const QFontMetrics fm(sentencePicker_->font());
    for (int i = 0; i < sentences_.size(); ++i) {
        const QString source = fm.elidedText(sentences_.at(i).source, Qt::ElideRight, 360);
        sentencePicker_->addItem(
            tr("Sentence %1 of %2: %3").arg(i + 1).arg(sentences_.size()).arg(source));
        sentencePicker_->setItemData(i, sentences_.at(i).source, Qt::ToolTipRole);
    }
    sentencePicker_->setVisible(sentences_.size() > 1);
}

int ReplyDetails::currentSentence() const {
    return sentences_.isEmpty() ? -1 : sentencePicker_->currentIndex();
}

void ReplyDetails::showSentence(int index) {
    if (index < 0 || index >= sentences_.size()) {
        alternatives_->clear();
        heatmap_->clear();
        return;
    }
    if (sentencePicker_->currentIndex() != index) {
        const QSignalBlocker block(sentencePicker_);
        sentencePicker_->setCurrentIndex(index);
    }
    showDetail(sentences_.at(index));
}

void ReplyDetails::showDetail(const SentenceDetail& d) {
    alternatives_->clear();
    for (int i = 0; i < d.nbest.size(); ++i) {
        const QString score =
            i < d.scores.size() ? QStringLiteral("%1").arg(d.scores.at(i), 0, 'f', 3) : QString();
        auto* item =
            new QListWidgetItem(tr("%1. %2   (score %3)").arg(i + 1).arg(d.nbest.at(i), score));
        item->setData(Qt::UserRole, d.nbest.at(i));
        alternatives_->addItem(item);
    }
    heatmap_->setAttention(d.sourcePieces, d.outputPieces, d.attention, d.rows, d.cols);
}

void ReplyDetails::showAttentionTab() {
    tabs_->setCurrentIndex(1);
}
void ReplyDetails::showAlternativesTab() {
    tabs_->setCurrentIndex(0);
}

}  // namespace dari
