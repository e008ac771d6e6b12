#pragma once
// Help ▸ About Dari: the version and what it runs on (LibTorch, SentencePiece, Qt, the BLAS),
// Dari's licence and the libraries' licences, and where the default models' training data
// comes from and how to credit it (data/corpus_sources.h).

#include <QDialog>

namespace dari {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The three pages as rich text (tested; also what the tabs show).
    static QString aboutHtml();
    static QString componentsHtml();
    static QString creditsHtml();
};

}  // namespace dari
