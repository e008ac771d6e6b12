#include "ui/chat/empty_state.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace dari {

namespace {
constexpr int kExamples = 3;
}

QStringList EmptyState::examples(const QString& task) {
    // Dev sentences the default models get right (ko-en: as the reference, beam 5; chat-ko:
    // the beam reply is the reference or as good), picked on 2026-12-04's models.
    if (task == QLatin1String("chat"))
        return {QStringLiteral("면접 준비 어떻게 하지"), QStringLiteral("내 편이 없는 거 같아"),
                QStringLiteral("맥주 한 잔 할래?")};
    return {QStringLiteral("병원으로 데려다 주세요."), QStringLiteral("내일 학교에 갈 거야?"),
            QStringLiteral("나는 작은 아파트에서 살아.")};
}

EmptyState::EmptyState(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("emptyState"));
    setAutoFillBackground(true);  // the conversation's own background, which it stands in for
    setBackgroundRole(QPalette::Base);
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    title_->setFont(big);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(1);
    layout->addWidget(title_);
    layout->addWidget(hint_);
    for (int i = 0; i < kExamples; ++i) {
        auto* button = new QPushButton(this);
        button->setObjectName(QStringLiteral("example%1").arg(i));
        button->setFlat(true);
        button->setCursor(Qt::PointingHandCursor);
        button->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 6px; }"));
        connect(button, &QPushButton::clicked, this,
                [this, button] { Q_EMIT exampleChosen(button->property("example").toString()); });
        layout->addWidget(button);
        buttons_.append(button);
    }
    layout->addStretch(2);
    setTask(QStringLiteral("translate"));
}

void EmptyState::setTask(const QString& task) {
    const bool chat = task == QLatin1String("chat");
    title_->setText(chat ? tr("Chat with Dari in Korean.") : tr("Translate Korean into English."));
    hint_->setText(chat ? tr("Type below, or start with one of these:")
                        : tr("Type or paste Korean below, or try one of these:"));
    const QStringList texts = examples(task);
    for (int i = 0; i < buttons_.size(); ++i) {
        buttons_[i]->setText(QStringLiteral("→  %1").arg(texts.value(i)));
        buttons_[i]->setProperty("example", texts.value(i));
        buttons_[i]->setVisible(i < texts.size());
    }
}

}  // namespace dari
