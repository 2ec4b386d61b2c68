#pragma once

#include <QMainWindow>

#include <memory>

class ActionController;
class FilterBar;
class QComboBox;
class JobTracker;
class KeychainSecretStore;
class ProfileKeyStore;
class JobsView;
class LagHistory;
class ServerDetailsWidget;
class MgnConnection;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QTableView;
class QToolBar;
class RefreshService;
class AwsError;

namespace mgn {
class SourceServerFilterProxyModel;
class SourceServerTableModel;
} // namespace mgn

// The dashboard's main window: the source server table behind its sort and
// filter proxy, a free-text filter, the actions of ActionRules in menus, a
// toolbar and the table's context menu, and a refresh that fills the table
// page by page. Issue 5 adds the detail panes, the jobs view and the pickers.
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
    void updateSelection();
    void updateDetails();
    void askExport(ExportFormat format);
    void saveLayout() const;
    void restoreLayout();
    void fillPickers();
    void onRefreshFailed(const AwsError &error);

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
    QLabel *m_refreshLabel = nullptr;
    QLabel *m_inFlightLabel = nullptr;
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
    QString m_endpointUrl;
    bool m_columnsSized = false;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<ProfileKeyStore> m_profileKeys;
};
