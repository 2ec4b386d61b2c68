#pragma once

#include <QMainWindow>

#include <chrono>
#include <memory>

class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QTableView;
class QTimer;
class QToolBar;

namespace mgn {

class ActionController;
class FilterBar;
class JobTracker;
class KeychainSecretStore;
class ProfileKeyStore;
class JobsView;
class LagHistory;
class ServerDetailsWidget;
class MgnConnection;
class RefreshService;
class AwsError;
struct AwsAttemptInfo;

struct SourceServer;
class SourceServerFilterProxyModel;
class SourceServerTableModel;

// The dashboard's main window: the source server table behind its sort and
// filter proxy with the filter bar, the selected server's detail panes, the
// actions of ActionRules in menus, the toolbar and the table's context menu,
// the account's jobs, profile and region pickers, a refresh that fills the
// table page by page (by hand or on an interval) and a status bar that counts
// the fleet by state.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects to the service (nullptr: disconnected); the window does not
    // own the connection. Starts a first refresh.
    void setConnection(MgnConnection *connection);
    // A problem that keeps the window from connecting (shown, not fatal).
    void showConnectionError(const QString &message);
    // Resolves profile, region and endpoint like the AWS CLI and connects;
    // the window owns that connection. A change of profile or region
    // empties the table first (another account's servers). Returns false,
    // with the reason shown, when the configuration cannot work.
    bool openConnection(const QString &profile, const QString &region, const QString &endpointUrl);
    QComboBox *profileCombo() const { return m_profileCombo; }
    QComboBox *regionCombo() const { return m_regionCombo; }
    // Automatic refresh: 0 is off. Kept in QSettings.
    QComboBox *autoRefreshCombo() const { return m_autoRefreshCombo; }
    void setAutoRefreshInterval(std::chrono::seconds interval);
    std::chrono::seconds autoRefreshInterval() const;
    // View > Theme: System, Light, Dark (kept in QSettings).
    QActionGroup *themeActions() const { return m_themeActions; }

    enum class ExportFormat { Csv, Json };
    // The servers shown (filter and order of the table) to a file: CSV of the
    // columns, or JSON as `aws mgn describe-source-servers` prints them.
    bool exportShown(const QString &path, ExportFormat format, QString *error) const;
    // The IDs of the selected servers to the clipboard, one per line.
    QStringList copySelectedIds() const;

    mgn::SourceServerTableModel *serverModel() const { return m_servers; }
    mgn::SourceServerFilterProxyModel *serverProxy() const { return m_proxy; }
    QTableView *serverView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    FilterBar *filterBar() const { return m_filterBar; }
    ActionController *actions() const { return m_actions; }
    RefreshService *refreshService() const { return m_refresh; }
    ServerDetailsWidget *details() const { return m_details; }
    LagHistory *lagHistory() const { return m_lagHistory; }
    JobTracker *jobTracker() const { return m_jobTracker; }
    JobsView *accountJobs() const { return m_accountJobs; }

private:
    void updateCount();
    // Counting is linear in the fleet: once per burst of model signals.
    void updateStateCounts();
    void updateSelection();
    void updateDetails();
    void askExport(ExportFormat format);
    void saveLayout() const;
    void restoreLayout();
    void fillPickers();
    void onRefreshFailed(const AwsError &error);
    // A failed attempt (and whether it is retried) in the status bar.
    void showAttempt(const AwsAttemptInfo &info);
    void showAccount(const QList<mgn::SourceServer> &servers);

    mgn::SourceServerTableModel *m_servers = nullptr;
    mgn::SourceServerFilterProxyModel *m_proxy = nullptr;
    FilterBar *m_filterBar = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QTimer *m_countTimer = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QLabel *m_inFlightLabel = nullptr;
    QLabel *m_troubleLabel = nullptr;
    QLabel *m_accountLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    ActionController *m_actions = nullptr;
    ServerDetailsWidget *m_details = nullptr;
    LagHistory *m_lagHistory = nullptr;
    JobTracker *m_jobTracker = nullptr;
    JobsView *m_accountJobs = nullptr;
    RefreshService *m_refresh = nullptr;
    MgnConnection *m_connection = nullptr;
    MgnConnection *m_ownConnection = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QComboBox *m_autoRefreshCombo = nullptr;
    QActionGroup *m_themeActions = nullptr;
    QString m_endpointUrl;
    bool m_columnsSized = false;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<ProfileKeyStore> m_profileKeys;
};

} // namespace mgn
