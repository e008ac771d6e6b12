#include "ui/welcome_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

#include "data/corpus_sources.h"
#include "ui/training/default_model_plan.h"

namespace dari {

WelcomePage::WelcomePage(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("placeholder"));
    setFrameShape(QFrame::StyledPanel);
    // The palette's own "highlighted area" colours, so that a dark theme stays readable.
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    heading_ = new QLabel(this);
    QFont big = heading_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    heading_->setFont(big);
    heading_->setWordWrap(true);
    body_ = new QLabel(this);
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::RichText);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    defaults_ = new QLabel(this);
    defaults_->setObjectName(QStringLiteral("defaultModels"));
    defaults_->setWordWrap(true);
    defaults_->setTextFormat(Qt::RichText);
    defaults_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    defaults_->setOpenExternalLinks(true);
    auto* import = new QPushButton(tr("&Import a model file…"), this);
    import->setObjectName(QStringLiteral("welcomeImport"));
    auto* train = new QPushButton(tr("Train on &my own corpus…"), this);
    train->setObjectName(QStringLiteral("welcomeTrain"));
    auto* defaults = new QPushButton(this);
    defaultsButton_ = defaults;
    defaults->setObjectName(QStringLiteral("welcomeDefault"));
    defaults->setToolTip(
        tr("Both default models, with the recipes ./run.sh uses, on the public corpora named "
           "below; the dashboard shows the progress of both, and they can be stopped and "
           "continued."));
    connect(defaults, &QPushButton::clicked, this, &WelcomePage::trainDefaultRequested);
    connect(import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    connect(train, &QPushButton::clicked, this, &WelcomePage::trainRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(import);
    buttons->addWidget(train);
    buttons->addWidget(defaults);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(body_);
    layout->addLayout(buttons);
    layout->addWidget(defaults_);
}

void WelcomePage::describe(const QString& task, const QStringList& folders, bool defaultsPaused) {
    const bool chat = task == QLatin1String("chat");
    heading_->setText(chat ? tr("No model for Chat mode yet")
                           : tr("No model for Translate mode yet"));
    QString looked;
    for (const QString& folder : folders)
        looked += QStringLiteral("<br>&nbsp;&nbsp;<code>%1</code>").arg(folder.toHtmlEscaped());
    body_->setText(tr("Dari translates and chats with models it trains itself. It looked for a "
                      "%1 model in:%2")
                       .arg(chat ? tr("chat") : tr("translation"), looked));
    // The corpora the two recipes name (their main corpora, for recipes that name none).
    QStringList used;
    for (const QString& name : {QStringLiteral("translate"), QStringLiteral("chat")}) {
        const DefaultModel model = defaultModelFor(name);
        const QStringList named = recipeCorpora(findRecipe(model.name));
        used << (named.isEmpty() ? QStringList{model.corpus} : named);
    }
    QString corpora;
    for (const KnownCorpus& corpus : knownCorpora()) {
        if (!used.contains(QString::fromStdString(corpus.folder))) continue;
        corpora += tr("<li>%1: %2 (%3; %4)</li>")
                       .arg(QString::fromStdString(corpus.folder),
                            QString::fromStdString(corpus.title).toHtmlEscaped(),
                            QString::fromStdString(corpus.licence).toHtmlEscaped(),
                            QString::fromStdString(corpus.origin).toHtmlEscaped());
    }
    defaultsButton_->setText(defaultsPaused ? tr("Continue training the &default models")
                                            : tr("Train the &default models"));
    defaults_->setText(
        tr("<p><b>The default models</b> (ko-en for Translate, chat-ko for Chat) are trained on "
           "public corpora:</p><ul>%1</ul><p><i>Train the default models</i> finds them in "
           "<code>DARI_DATA</code>, or asks for their folder, and trains both side by side with "
           "the recipes <code>./run.sh models</code> uses (about 20 minutes on two cores; they "
           "can be stopped and continued, also after closing Dari). Or import a packed model "
           "someone shared (<code>.dari</code>: its card names its data and licence).</p>")
            .arg(corpora));
}

QString WelcomePage::html() const {
    return QStringLiteral("<h3>%1</h3><p>%2</p>%3")
        .arg(heading_->text().toHtmlEscaped(), body_->text(), defaults_->text());
}

QString WelcomePage::text() const {
    QTextDocument document;
    document.setHtml(html());
    return document.toPlainText();
}

}  // namespace dari
