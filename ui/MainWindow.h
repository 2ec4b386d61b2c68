#pragma once

#include <QMainWindow>

class QLineEdit;
class QTableView;

namespace mgn {
class SourceServerFilterProxyModel;
class SourceServerTableModel;
} // namespace mgn

// The dashboard's main window: the source server table behind its sort and
// filter proxy, with a free-text filter above it. Issue 5 adds the detail
// panes, the actions and the connection to the service.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    mgn::SourceServerTableModel *serverModel() const { return m_servers; }
    mgn::SourceServerFilterProxyModel *serverProxy() const { return m_proxy; }
    QTableView *serverView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }

private:
    void updateCount();

    mgn::SourceServerTableModel *m_servers = nullptr;
    mgn::SourceServerFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
};
