#include "ui/main_window.h"

#include <QLabel>
#include <QStatusBar>

#include "model/runtime.h"

namespace dari {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Dari — Korean ⇄ English"));
    auto* placeholder = new QLabel(
        tr("<h2>다리 Dari</h2><p>No model is loaded yet.</p>"
           "<p>Train one with <code>dari train</code>.</p>"),
        this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setObjectName(QStringLiteral("placeholder"));
    setCentralWidget(placeholder);
    const BlasInfo blas = activeBlas();
    statusBar()->showMessage(tr("Compute: %1").arg(QString::fromStdString(blas.name)));
    resize(900, 640);
}

}  // namespace dari
