#pragma once
// The side panel for the selected bubble: n-best alternatives and the attention heatmap,
// per sentence (a sentence picker appears when the input had several).

#include <QList>
#include <QWidget>

#include "ui/chat/engine_types.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace dari {

struct Message;
class AttentionHeatmap;

class ReplyDetails : public QWidget {
    Q_OBJECT
public:
    explicit ReplyDetails(QWidget* parent = nullptr);
    void showMessage(const Message& message);
    void clear();
    void showAttentionTab();
    void showAlternativesTab();
    // Which sentence of the reply the alternatives and the heatmap show.
    void showSentence(int index);
    int sentenceCount() const { return static_cast<int>(sentences_.size()); }
    int currentSentence() const;

    QListWidget* alternatives() const { return alternatives_; }
    AttentionHeatmap* heatmap() const { return heatmap_; }
    QComboBox* sentencePicker() const { return sentencePicker_; }

    // "likeliest", "almost as likely", "less likely", "much less likely": alternative i's
    // score against the reply's (length-normalised log-probabilities: their difference is
    // per piece, so the words are a rough guide, not a probability).
    static QString likelihood(const QList<double>& scores, int i);

Q_SIGNALS:
    void copyRequested(const QString& text);
    // The user adopted alternative `index` of sentence `sentence` as the reply.
    void alternativeChosen(int sentence, int index);

private:
    void fillSentencePicker();
    void showDetail(const SentenceDetail& detail);

    QLabel* title_;
    QLabel* note_;
    QComboBox* sentencePicker_;
    QTabWidget* tabs_;
    QListWidget* alternatives_;
    QPushButton* adopt_;
    AttentionHeatmap* heatmap_;
    QList<SentenceDetail> sentences_;
    bool chat_ = false;
};

}  // namespace dari
