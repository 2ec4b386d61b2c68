#pragma once

#include <QMainWindow>

#include <chrono>
#include <memory>

class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QTableView;
class QTimer;

namespace mgn {

class ActionController;
class AwsError;
class DashboardSession;
class FilterBar;
class JobsView;
class ServerDetailsWidget;
class SourceServerFilterProxyModel;
struct AwsAttemptInfo;

// The dashboard's main window: widgets over a DashboardSession, which holds
// the connection, the fleet, the refresh, the jobs and the lag history. The
// source server table behind its sort and filter proxy with the filter bar,
// the selected server's detail panes, the actions of ActionRules in menus,
// the toolbar and the table's context menu, the account's jobs, profile and
// region pickers, the automatic refresh and a status bar that counts the
// fleet by state.
//
// Tests reach the widgets by object name: "serverTable", "serverDetails",
// "filterBar", "profilePicker", "regionPicker", "autoRefresh",
// "themeActions", "accountJobs", and the labels of the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardSession *session() const { return m_session.get(); }

    // A problem that keeps the window from connecting (shown, not fatal).
    void showConnectionError(const QString &message);

    enum class ExportFormat { Csv, Json };
    // The servers shown (filter and order of the table) to a file: CSV of the
    // columns, or JSON as `aws mgn describe-source-servers` prints them.
    bool exportShown(const QString &path, ExportFormat format, QString *error) const;
    // The IDs of the selected servers to the clipboard, one per line.
    QStringList copySelectedIds() const;

private:
    void createActions();
    void createCentralWidget();
    void createMenus();
    void createJobsDock(QMenu *viewMenu);
    void createToolBars();
    void createContextMenus();
    void createStatusBar();
    void connectModels();
    void connectSession();

    void onConnectionChanged();
    void onConnectionOpened(const QString &profile, const QString &region);
    void onRefreshSucceeded();
    void onRefreshFailed(const AwsError &error);
    // A failed attempt (and whether it is retried) in the status bar.
    void showAttempt(const AwsAttemptInfo &info);
    void showAccount(const QString &account);
    void showAutoRefreshInterval(std::chrono::seconds interval);
    void updateCount();
    // Counting is linear in the fleet: once per burst of model signals.
    void updateStateCounts();
    void updateSelection();
    void updateDetails();
    void askExport(ExportFormat format);
    void saveLayout() const;
    void restoreLayout();

    // The widgets, Qt children, go after the members: the destructor
    // detaches them from the session first.
    std::unique_ptr<DashboardSession> m_session;
    SourceServerFilterProxyModel *m_proxy = nullptr;
    ActionController *m_actions = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTableView *m_table = nullptr;
    ServerDetailsWidget *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    JobsView *m_accountJobs = nullptr;
    QList<QMenu *> m_actionMenus;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_findAction = nullptr;
    QActionGroup *m_themeActions = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QComboBox *m_autoRefreshCombo = nullptr;
    QLabel *m_accountLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QLabel *m_inFlightLabel = nullptr;
    QLabel *m_troubleLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer *m_countTimer = nullptr;
    bool m_columnsSized = false;
};

} // namespace mgn
