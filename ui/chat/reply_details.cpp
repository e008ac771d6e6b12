#include "ui/chat/reply_details.h"

#include "ui/palette_colors.h"

#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
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
    setTextColor(note_, warningTextColor(note_->palette()));
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
    alternatives_->setToolTip(
        tr("Double-click an alternative to copy it; \"Use as the reply\" adopts it"));
    connect(alternatives_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT copyRequested(item->data(Qt::UserRole).toString());
    });
    adopt_ = new QPushButton(tr("&Use as the reply"), this);
    adopt_->setObjectName(QStringLiteral("adoptAlternative"));
    adopt_->setToolTip(
        tr("Replace the reply (in the conversation and the history) with the "
           "selected alternative"));
    adopt_->setEnabled(false);
    connect(alternatives_, &QListWidget::currentRowChanged, this, [this](int row) {
        const int s = currentSentence();
        adopt_->setEnabled(s >= 0 && row >= 0 && row != sentences_.at(s).chosen);
    });
    connect(adopt_, &QPushButton::clicked, this, [this] {
        if (currentSentence() >= 0 && alternatives_->currentRow() >= 0)
            Q_EMIT alternativeChosen(currentSentence(), alternatives_->currentRow());
    });
    auto* alternativesPage = new QWidget(this);
    auto* alternativesLayout = new QVBoxLayout(alternativesPage);
    alternativesLayout->setContentsMargins(0, 0, 0, 0);
    alternativesLayout->addWidget(alternatives_, 1);
    alternativesLayout->addWidget(adopt_, 0, Qt::AlignRight);

    heatmap_ = new AttentionHeatmap;
    heatmap_->setObjectName(QStringLiteral("heatmap"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(heatmap_);
    scroll->setWidgetResizable(true);  // the heatmap's cells grow into the space there is
    scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    scroll->setBackgroundRole(QPalette::Base);
    // The heatmap keeps its labels at the visible edges: it repaints whole on a scroll.
    for (QScrollBar* bar : {scroll->horizontalScrollBar(), scroll->verticalScrollBar()})
        connect(bar, &QScrollBar::valueChanged, heatmap_, qOverload<>(&QWidget::update));
    auto* legend = new QLabel(
        tr("Rows: the pieces Dari read; columns: the pieces it wrote. · starts a word, </s> ends "
           "the sentence. Darker: more attention; outlined: what each output piece attended to "
           "most."),
        this);
    legend->setObjectName(QStringLiteral("heatmapLegend"));
    legend->setTextFormat(Qt::PlainText);
    legend->setWordWrap(true);
    legend->setForegroundRole(QPalette::PlaceholderText);
    auto* attention = new QWidget(this);
    auto* attentionLayout = new QVBoxLayout(attention);
    attentionLayout->setContentsMargins(0, 4, 0, 0);
    attentionLayout->addWidget(legend);
    attentionLayout->addWidget(scroll, 1);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("detailTabs"));
    tabs_->addTab(alternativesPage, tr("&Alternatives"));
    tabs_->addTab(attention, tr("Atte&ntion"));

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
    const QString sure = ConversationModel::confidenceText(ConversationModel::confidenceOf(m));
    title_->setText(
        sure.isEmpty()
            ? tr("<b>Reply by %1</b>").arg(m.model.toHtmlEscaped())
            : tr("<b>Reply by %1</b> · %2").arg(m.model.toHtmlEscaped(), sure.toHtmlEscaped()));
    title_->setToolTip(ConversationModel::confidenceExplanation(m));
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

QString ReplyDetails::likelihood(const QList<double>& scores, int i) {
    if (i <= 0 || i >= scores.size() || scores.isEmpty()) return tr("likeliest");
    const double behind = scores.at(0) - scores.at(i);
    if (behind < 0.1) return tr("almost as likely");
    if (behind < 0.5) return tr("less likely");
    return tr("much less likely");
}

void ReplyDetails::showDetail(const SentenceDetail& d) {
    alternatives_->clear();
    for (int i = 0; i < d.nbest.size(); ++i) {
        // The likelihood and score on their own line: in a narrow pane they stay in view.
        QString second = likelihood(d.scores, i);
        if (i < d.scores.size()) second += tr(" · score %1").arg(d.scores.at(i), 0, 'f', 2);
        if (i == 0 && d.confidence != Confidence::Unknown)
            second += tr(" · %1").arg(ConversationModel::confidenceText(d.confidence));
        if (i == d.chosen) second += tr(" · the reply");
        auto* item = new QListWidgetItem(tr("%1. %2\n%3").arg(i + 1).arg(d.nbest.at(i), second));
        item->setData(Qt::UserRole, d.nbest.at(i));
        if (i == d.chosen) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        alternatives_->addItem(item);
    }
    adopt_->setEnabled(false);
    heatmap_->setAttention(d.sourcePieces, d.outputPieces, d.attention, d.rows, d.cols);
    heatmap_->setToolTip(d.chosen > 0 ? tr("The attention of the likeliest output (1.), not of the "
                                           "alternative chosen as the reply")
                                      : QString());
}

void ReplyDetails::showAttentionTab() {
    tabs_->setCurrentIndex(1);
}
void ReplyDetails::showAlternativesTab() {
    tabs_->setCurrentIndex(0);
}

}  // namespace dari
