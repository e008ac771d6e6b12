#include "ui/about_dialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "dari/version.h"
#include "data/corpus_sources.h"
#include "model/runtime.h"

namespace dari {

namespace {

struct Library {
    const char* name;
    const char* licence;
    const char* use;
};

// What Dari links or loads, with the licence each is under (Debian's packages).
const Library kLibraries[] = {
    {"LibTorch (PyTorch)", "BSD-3-Clause", QT_TRANSLATE_NOOP("dari::AboutDialog", "networks")},
    {"SentencePiece", "Apache-2.0", QT_TRANSLATE_NOOP("dari::AboutDialog", "vocabularies")},
    {"Qt", "LGPL-3.0", QT_TRANSLATE_NOOP("dari::AboutDialog", "the window")},
    {"OpenBLAS", "BSD-3-Clause", QT_TRANSLATE_NOOP("dari::AboutDialog", "matrix products")},
    {"Protocol Buffers", "BSD-3-Clause", QT_TRANSLATE_NOOP("dari::AboutDialog", "vocabularies")},
    {"libarchive", "BSD-2-Clause", QT_TRANSLATE_NOOP("dari::AboutDialog", "model files")},
    {"Nettle", "LGPL-3.0-or-later", QT_TRANSLATE_NOOP("dari::AboutDialog", "checksums")},
    {"yaml-cpp", "MIT", QT_TRANSLATE_NOOP("dari::AboutDialog", "settings")},
    {"JSON for Modern C++", "MIT", QT_TRANSLATE_NOOP("dari::AboutDialog", "model cards, logs")},
    {"ICU", "Unicode-3.0", QT_TRANSLATE_NOOP("dari::AboutDialog", "text normalisation")},
};

QTextBrowser* page(const QString& html, QWidget* parent) {
    auto* browser = new QTextBrowser(parent);
    browser->setOpenExternalLinks(true);
    browser->setHtml(html);
    return browser;
}

}  // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("about"));
    setWindowTitle(tr("About Dari"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    auto* title = new QLabel(tr("<h2>Dari %1</h2><p>다리, \"bridge\"</p>").arg(DARI_VERSION), this);
    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);
    auto* tabs = new QTabWidget(this);
    tabs->addTab(page(aboutHtml(), tabs), tr("&About"));
    tabs->addTab(page(componentsHtml(), tabs), tr("&Components"));
    tabs->addTab(page(creditsHtml(), tabs), tr("&Licences and data"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(620, 480);
}

QString AboutDialog::aboutHtml() {
    return tr(
        "<p>Korean → English translation and Korean chat on your own machine, with "
        "recurrent encoder–decoder networks (RNN, GRU, LSTM with attention) that Dari "
        "trains itself — and a place to watch such a network learn.</p>"
        "<p>Nothing you type leaves this computer.</p>"
        "<p>Dari is free software under the MIT licence. Copyright © 2026 The Dari "
        "developers.</p>");
}

QString AboutDialog::componentsHtml() {
    QString html = tr("<p>This copy runs on:</p>");
    html += QStringLiteral("<pre style=\"white-space: pre-wrap\">%1Qt %2 (running)</pre>")
                .arg(QString::fromStdString(versionReport()).toHtmlEscaped(),
                     QString::fromLatin1(qVersion()));
    return html;
}

QString AboutDialog::creditsHtml() {
    QString html = tr("<h3>The corpora of the default models and the tests</h3>");
    for (const KnownCorpus& corpus : knownCorpora()) {
        html += QStringLiteral("<p><b>%1</b><br>%2: %3<br>%4: %5<br>%6</p>")
                    .arg(QString::fromStdString(corpus.title).toHtmlEscaped(), tr("Licence"),
                         QString::fromStdString(corpus.licence).toHtmlEscaped(), tr("Credit"),
                         QString::fromStdString(corpus.attribution).toHtmlEscaped(),
                         QString::fromStdString(corpus.origin).toHtmlEscaped());
    }
    html +=
        tr("<p>A model you import carries its own training data and licence in its model "
           "card.</p><h3>Libraries</h3>");
    html += QStringLiteral("<table cellspacing=4>");
    for (const Library& library : kLibraries)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(QString::fromLatin1(library.name), QString::fromLatin1(library.licence),
                         tr(library.use));
    return html + QStringLiteral("</table>");
}

}  // namespace dari
