#include "MainWindow.h"

#include <QStatusBar>
#include <QTableView>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("MGN Dashboard"));
    m_table->setAccessibleName(tr("Source servers"));
    setCentralWidget(m_table);
    statusBar()->showMessage(tr("Not connected"));
    resize(1200, 760);
}
