#pragma once

#include <QMainWindow>

class QTableView;

// The dashboard's main window. Issue 5 fills it with the server table, detail
// panes and actions; for now it shows the (empty) server table.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    QTableView *m_table = nullptr;
};
