#include "ui/reply_details.h"

#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/attention_heatmap.h"
#include "ui/conversation_model.h"

namespace dari {

ReplyDetails::ReplyDetails(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::RichText);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    note_->hide();

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
    scroll->setWidgetResizable(false);
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
    layout->addWidget(tabs_, 1);
    clear();
}

void ReplyDetails::clear() {
    title_->setText(tr("<b>Details</b><br>Select one of Dari's replies."));
    note_->hide();
    alternatives_->clear();
    heatmap_->clear();
}

void ReplyDetails::showMessage(const Message& m) {
    if (m.sender != Message::Sender::Dari || m.pending) {
        clear();
        return;
    }
    title_->setText(tr("<b>Reply by %1</b>").arg(m.model.toHtmlEscaped()));
    QStringList notes;
    if (m.truncated) notes << tr("The input was longer than the model's limit: only its beginning was read.");
    if (m.nbest.isEmpty() && m.mode == QLatin1String("chat"))
        notes << tr("Chat replies are sampled, so there is one reply and no ranked alternatives.");
    note_->setText(notes.join(QLatin1Char('\n')));
    note_->setVisible(!notes.isEmpty());
    alternatives_->clear();
    for (int i = 0; i < m.nbest.size(); ++i) {
        const QString score = i < m.scores.size() ? QStringLiteral("%1").arg(m.scores.at(i), 0, 'f', 3) : QString();
        auto* item = new QListWidgetItem(tr("%1. %2   (score %3)").arg(i + 1).arg(m.nbest.at(i), score));
        item->setData(Qt::UserRole, m.nbest.at(i));
        alternatives_->addItem(item);
    }
    heatmap_->setAttention(m.sourcePieces, m.outputPieces, m.attention, m.rows, m.cols);
}

void ReplyDetails::showAttentionTab() { tabs_->setCurrentIndex(1); }
void ReplyDetails::showAlternativesTab() { tabs_->setCurrentIndex(0); }

}  // namespace dari
