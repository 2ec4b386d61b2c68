#include "MainWindow.h"

#include "SourceServerFilterProxyModel.h"
#include "SourceServerTableModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

using mgn::SourceServerFilterProxyModel;
using mgn::SourceServerTableModel;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_servers(new SourceServerTableModel(this))
    , m_proxy(new SourceServerFilterProxyModel(this))
    , m_filter(new QLineEdit)
    , m_table(new QTableView)
{
    setWindowTitle(tr("MGN Dashboard"));
    m_proxy->setSourceModel(m_servers);

    m_filter->setPlaceholderText(tr("Filter by hostname, FQDN, ID, tag or IP address"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter source servers"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SourceServerFilterProxyModel::setFilterText);

    m_table->setAccessibleName(tr("Source servers"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(int(SourceServerTableModel::Column::Name), Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view need not measure ten thousand rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);
    setCentralWidget(central);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCount);
    updateCount();
    resize(1200, 760);
}

void MainWindow::updateCount()
{
    if (m_servers->rowCount() == 0) {
        statusBar()->showMessage(tr("Not connected"));
        return;
    }
    statusBar()->showMessage(
        tr("%1 of %2 source servers shown").arg(m_proxy->rowCount()).arg(m_servers->rowCount()));
}
