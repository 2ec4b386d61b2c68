#include "ui/MainWindow.h"

#include "app/aws/AwsAttemptInfo.h"
#include "app/aws/AwsConfigFiles.h"
#include "app/aws/AwsTransport.h"
#include "app/aws/KeychainSecretStore.h"
#include "app/aws/ProfileKeyStore.h"
#include "app/aws/ServiceEndpoint.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/JobTracker.h"
#include "app/services/LagHistory.h"
#include "app/services/RefreshService.h"
#include "models/codec/SourceServerCodec.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "models/itemmodels/TableExport.h"
#include "models/rules/StateCounts.h"
#include "ui/ActionController.h"
#include "ui/Theme.h"
#include "ui/details/ServerDetailsWidget.h"
#include "ui/dialogs/CredentialsDialog.h"
#include "ui/pages/JobsView.h"
#include "ui/widgets/FilterBar.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace mgn {

using mgn::SourceServerFilterProxyModel;
using mgn::SourceServerTableModel;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_servers(new SourceServerTableModel(this))
    , m_proxy(new SourceServerFilterProxyModel(this))
    , m_filterBar(new FilterBar(m_proxy))
    , m_filter(m_filterBar->textEdit())
    , m_table(new QTableView)
    , m_countLabel(new QLabel)
    , m_refreshLabel(new QLabel)
    , m_progress(new QProgressBar)
    , m_actions(new ActionController(this, this))
    , m_details(new ServerDetailsWidget)
{
    const QString cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!cacheDir.isEmpty())
        QDir().mkpath(cacheDir);
    m_lagHistory = new LagHistory(
        cacheDir.isEmpty() ? QString() : cacheDir + QStringLiteral("/lag-history.bin"), this);
    QString cacheError;
    if (!m_lagHistory->load(&cacheError))
        qWarning("Lag history not restored: %s", qUtf8Printable(cacheError));
    setWindowTitle(tr("MGN Dashboard"));
    m_proxy->setSourceModel(m_servers);

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
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Columns can be hidden from the header's context menu.
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this,
        [this](const QPoint &position) {
            QMenu menu;
            QHeaderView *header = m_table->horizontalHeader();
            for (int column = 0; column < m_proxy->columnCount(); ++column) {
                QAction *action = menu.addAction(m_proxy->headerData(column, Qt::Horizontal).toString());
                action->setCheckable(true);
                action->setChecked(!header->isSectionHidden(column));
                connect(action, &QAction::toggled, header,
                    [header, column](bool shown) { header->setSectionHidden(column, !shown); });
            }
            menu.exec(header->mapToGlobal(position));
        });

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_filterBar);
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("tableDetailsSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setEnabled(false);
    m_cancelAction = new QAction(tr("&Cancel refresh"), this);
    m_cancelAction->setEnabled(false);
    auto *findAction = new QAction(tr("&Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(findAction);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(
        tr("Export shown servers as &CSV..."), this, [this] { askExport(ExportFormat::Csv); });
    fileMenu->addAction(
        tr("Export shown servers as &JSON..."), this, [this] { askExport(ExportFormat::Json); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("AWS &credentials for a profile..."), this, [this] {
        // The same keychain entries MgnConnection reads for keychain profiles.
        if (!m_keychain) {
            m_keychain = std::make_unique<KeychainSecretStore>(QStringLiteral("mgn-dashboard"));
            m_profileKeys = std::make_unique<ProfileKeyStore>(*m_keychain);
        }
        CredentialsDialog dialog(m_profileKeys.get(),
            m_connection ? m_connection->profileName() : QStringLiteral("default"), this);
        dialog.exec();
    });
    fileMenu->addAction(m_actions->initializeServiceAction());
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    auto *copyIds = editMenu->addAction(tr("&Copy selected IDs"), this, [this] { copySelectedIds(); });
    copyIds->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_refreshAction);
    viewMenu->addAction(m_cancelAction);
    viewMenu->addAction(findAction);
    viewMenu->addSeparator();
    QMenu *themeMenu = viewMenu->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    for (const Theme::Choice choice : { Theme::Choice::System, Theme::Choice::Light, Theme::Choice::Dark }) {
        QAction *action = themeMenu->addAction(Theme::label(choice), this, [choice] {
            Theme::apply(choice);
            QSettings().setValue(QStringLiteral("MainWindow/theme"), Theme::key(choice));
        });
        action->setCheckable(true);
        action->setChecked(choice == Theme::current());
        action->setData(Theme::key(choice));
        themes->addAction(action);
    }
    m_themeActions = themes;
    const QList<QMenu *> actionMenus = m_actions->createMenus(this);
    for (QMenu *menu : actionMenus)
        menuBar()->addMenu(menu);

    m_accountJobs = new JobsView;
    auto *jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(QStringLiteral("jobsDock"));
    jobsDock->setWidget(m_accountJobs);
    addDockWidget(Qt::RightDockWidgetArea, jobsDock);
    jobsDock->hide();
    viewMenu->addAction(jobsDock->toggleViewAction());

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_profileCombo = new QComboBox;
    m_profileCombo->setAccessibleName(tr("AWS profile"));
    m_profileCombo->setToolTip(tr("A profile of ~/.aws/config and ~/.aws/credentials"));
    m_regionCombo = new QComboBox;
    m_regionCombo->setAccessibleName(tr("AWS region"));
    fillPickers();
    m_toolBar->addWidget(m_profileCombo);
    m_toolBar->addWidget(m_regionCombo);
    m_accountLabel = new QLabel;
    m_accountLabel->setObjectName(QStringLiteral("account"));
    m_accountLabel->setAccessibleName(tr("AWS account"));
    m_accountLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accountLabel->setContentsMargins(6, 0, 6, 0);
    m_toolBar->addWidget(m_accountLabel);
    auto reconnect = [this] {
        openConnection(m_profileCombo->currentText(), m_regionCombo->currentData().toString(), m_endpointUrl);
    };
    connect(m_profileCombo, &QComboBox::activated, this, reconnect);
    connect(m_regionCombo, &QComboBox::activated, this, reconnect);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addAction(m_cancelAction);
    m_autoRefreshCombo = new QComboBox;
    m_autoRefreshCombo->setAccessibleName(tr("Automatic refresh"));
    m_autoRefreshCombo->setToolTip(
        tr("Refresh the server list on its own, counted from the end of the last refresh"));
    m_autoRefreshCombo->addItem(tr("Auto-refresh off"), 0);
    for (const int seconds : { 30, 60, 120, 300, 900 }) {
        m_autoRefreshCombo->addItem(
            seconds < 60 ? tr("Every %1 s").arg(seconds) : tr("Every %1 min").arg(seconds / 60), seconds);
    }
    connect(m_autoRefreshCombo, &QComboBox::activated, this,
        [this] { setAutoRefreshInterval(std::chrono::seconds(m_autoRefreshCombo->currentData().toInt())); });
    m_toolBar->addWidget(m_autoRefreshCombo);
    m_toolBar->addSeparator();
    for (QMenu *menu : actionMenus) {
        m_toolBar->addActions(menu->actions());
        m_toolBar->addSeparator();
    }

    connect(m_table, &QWidget::customContextMenuRequested, this, [this, actionMenus](const QPoint &position) {
        QMenu menu;
        for (QMenu *group : actionMenus) {
            menu.addSection(group->title().remove(u'&'));
            menu.addActions(group->actions());
        }
        menu.setToolTipsVisible(true);
        menu.exec(m_table->viewport()->mapToGlobal(position));
    });

    m_countLabel->setObjectName(QStringLiteral("serverCount"));
    m_refreshLabel->setObjectName(QStringLiteral("refreshState"));
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("stateCounts"));
    m_stateLabel->setAccessibleName(tr("Servers by state"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_stateLabel, 1);
    m_troubleLabel = new QLabel;
    m_troubleLabel->setObjectName(QStringLiteral("connectionTrouble"));
    m_troubleLabel->setAccessibleName(tr("Connection problem"));
    m_troubleLabel->hide();
    statusBar()->addPermanentWidget(m_troubleLabel);
    m_inFlightLabel = new QLabel;
    m_inFlightLabel->setObjectName(QStringLiteral("requestsInFlight"));
    statusBar()->addPermanentWidget(m_inFlightLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateSelection);
    // The selected servers' state may change under the selection.
    connect(m_servers, &QAbstractItemModel::dataChanged, this, &MainWindow::updateSelection);
    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(0);
    connect(m_countTimer, &QTimer::timeout, this, &MainWindow::updateStateCounts);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCount);
    connect(m_servers, &QAbstractItemModel::dataChanged, m_countTimer, qOverload<>(&QTimer::start));
    connect(m_actions, &ActionController::serversUpdated, m_servers, &SourceServerTableModel::upsert);
    connect(m_actions, &ActionController::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_actions, &ActionController::serviceInitialized, m_refreshAction, &QAction::trigger);
    updateCount();
    updateSelection();
    resize(1280, 800);
    restoreLayout();
}

// Window geometry, toolbars, column order, widths, hidden columns, sort and
// the splitter: QSettings, never anything secret.
void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("columns"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("autoRefreshSeconds"), qint64(autoRefreshInterval().count()));
    settings.endGroup();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_columnsSized
        = m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("columns")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    setAutoRefreshInterval(
        std::chrono::seconds(settings.value(QStringLiteral("autoRefreshSeconds"), 0).toLongLong()));
    if (const auto theme = Theme::fromKey(settings.value(QStringLiteral("theme")).toString())) {
        if (*theme != Theme::current())
            Theme::apply(*theme);
        for (QAction *action : m_themeActions->actions())
            action->setChecked(action->data().toString() == Theme::key(*theme));
    }
    settings.endGroup();
}

MainWindow::~MainWindow()
{
    saveLayout();
    setConnection(nullptr);
    QString error;
    if (!m_lagHistory->save(&error))
        qWarning("Lag history not saved: %s", qUtf8Printable(error));
}

void MainWindow::setConnection(MgnConnection *connection)
{
    delete m_refresh;
    m_refresh = nullptr;
    delete m_jobTracker;
    m_jobTracker = nullptr;
    m_connection = connection;
    m_actions->setClient(connection ? connection->client() : nullptr);
    m_refreshAction->disconnect(this);
    m_cancelAction->disconnect(this);
    m_refreshAction->setEnabled(connection != nullptr);
    if (!connection) {
        m_accountJobs->setTracker(nullptr);
        m_details->jobs()->setTracker(nullptr);
        updateCount();
        return;
    }
    setWindowTitle(tr("MGN Dashboard - %1 - %2").arg(connection->profileName(), connection->region()));
    connect(connection->transport(), &AwsTransport::attemptFinished, this, &MainWindow::showAttempt);
    connect(
        connection->transport(), &AwsTransport::requestsInFlightChanged, m_inFlightLabel, [this](int count) {
            m_inFlightLabel->setText(count > 0 ? tr("%n request(s) in flight", nullptr, count) : QString());
        });
    m_refresh = new RefreshService(connection->client(), this);
    m_refresh->setInterval(autoRefreshInterval());
    m_jobTracker = new JobTracker(connection->client(), this);
    m_accountJobs->setClient(connection->client());
    m_accountJobs->setTracker(m_jobTracker);
    m_details->jobs()->setClient(connection->client());
    m_details->jobs()->setTracker(m_jobTracker);
    connect(m_actions, &ActionController::jobStarted, m_jobTracker, [this](const QString &jobId) {
        m_jobTracker->follow(jobId);
        m_jobTracker->refresh();
    });
    connect(m_jobTracker, &JobTracker::jobFinished, this, [this](const mgn::Job &job) {
        statusBar()->showMessage(
            tr("Job %1 finished (%2)").arg(job.jobID, job.status ? job.status->toWire() : QString()), 15000);
        // Its servers changed state: show it.
        m_refresh->refresh();
    });
    connect(m_refresh, &RefreshService::snapshotReady, m_jobTracker, &JobTracker::refresh);
    connect(m_refreshAction, &QAction::triggered, m_refresh, &RefreshService::refresh);
    connect(m_cancelAction, &QAction::triggered, m_refresh, &RefreshService::cancel);
    connect(m_refresh, &RefreshService::started, this, [this] {
        m_cancelAction->setEnabled(true);
        m_progress->show();
        m_refreshLabel->setText(tr("Refreshing..."));
    });
    connect(m_refresh, &RefreshService::pageReceived, this,
        [this](const QList<mgn::SourceServer> &servers, const PagingProgress &progress) {
            m_servers->upsert(servers);
            m_refreshLabel->setText(
                tr("Refreshing: %n page(s), %1 servers", nullptr, progress.pages).arg(progress.items));
        });
    connect(m_refresh, &RefreshService::snapshotReady, this,
        [this](const QList<mgn::SourceServer> &servers, const QSet<QString> &undecodable) {
            m_servers->merge(servers, undecodable);
            if (!m_columnsSized && m_servers->rowCount() > 0) {
                // Once, when no saved layout says otherwise; the header
                // measures a bounded number of rows (resizeContentsPrecision).
                m_table->resizeColumnsToContents();
                m_columnsSized = true;
            }
            m_lagHistory->record(servers, QDateTime::currentMSecsSinceEpoch());
            showAccount(servers);
            updateDetails();
            m_refreshLabel->setText(
                tr("Refreshed %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        });
    connect(m_refresh, &RefreshService::failed, this, &MainWindow::onRefreshFailed);
    connect(m_refresh, &RefreshService::skipped, this, [this](const QStringList &problems) {
        statusBar()->showMessage(
            tr("%n server(s) could not be read: %1", nullptr, int(problems.size())).arg(problems.first()),
            30000);
    });
    connect(m_refresh, &RefreshService::finished, this, [this] {
        m_cancelAction->setEnabled(false);
        m_progress->hide();
    });
    m_refresh->refresh();
}

void MainWindow::fillPickers()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const AwsConfigFiles files = AwsConfigFiles::load(env, QDir::homePath());
    QStringList profiles = files.profileNames();
    if (!profiles.contains(QStringLiteral("default")))
        profiles.prepend(QStringLiteral("default"));
    m_profileCombo->clear();
    m_profileCombo->addItems(profiles);
    m_regionCombo->clear();
    for (const AwsRegion &region : mgnRegions())
        m_regionCombo->addItem(region.code + QStringLiteral(" - ") + region.name, region.code);
}

bool MainWindow::openConnection(const QString &profile, const QString &region, const QString &endpointUrl)
{
    MgnConnection::Settings settings;
    if (!profile.isEmpty())
        settings.profile = profile;
    if (!region.isEmpty())
        settings.region = region;
    if (!endpointUrl.isEmpty())
        settings.endpointUrl = endpointUrl;
    m_endpointUrl = endpointUrl;
    QString error;
    MgnConnection *connection = MgnConnection::open(
        settings, QProcessEnvironment::systemEnvironment(), QDir::homePath(), &error, this);
    if (!connection) {
        showConnectionError(error);
        return false;
    }
    const bool otherAccount = !m_connection || m_connection->profileName() != connection->profileName()
        || m_connection->region() != connection->region()
        || m_connection->endpoint() != connection->endpoint();
    setConnection(nullptr);
    delete m_ownConnection;
    m_ownConnection = connection;
    if (otherAccount) {
        m_servers->clear();
        m_accountLabel->clear();
    }
    if (m_profileCombo->findText(connection->profileName()) < 0)
        m_profileCombo->addItem(connection->profileName());
    m_profileCombo->setCurrentText(connection->profileName());
    const int regionIndex = m_regionCombo->findData(connection->region());
    if (regionIndex >= 0)
        m_regionCombo->setCurrentIndex(regionIndex);
    setConnection(connection);
    return true;
}

void MainWindow::showConnectionError(const QString &message)
{
    statusBar()->showMessage(tr("Not connected: %1").arg(message));
}

void MainWindow::showAccount(const QList<mgn::SourceServer> &servers)
{
    // The account is the fifth field of the servers' ARNs
    // (arn:aws:mgn:us-east-1:111122223333:source-server/s-...): no extra call needed.
    for (const mgn::SourceServer &server : servers) {
        const QString account = server.arn.value_or(QString()).section(u':', 4, 4);
        if (!account.isEmpty()) {
            m_accountLabel->setText(tr("Account %1").arg(account));
            m_accountLabel->setToolTip(tr("The AWS account whose source servers are shown"));
            return;
        }
    }
}

void MainWindow::showAttempt(const AwsAttemptInfo &info)
{
    // Trouble stays in sight until a request goes through again.
    if (!info.errorKind) {
        m_troubleLabel->clear();
        m_troubleLabel->hide();
        return;
    }
    if (*info.errorKind == AwsError::Kind::Cancelled)
        return;
    const QString code = info.errorCode.isEmpty() ? AwsError::kindTitle(*info.errorKind) : info.errorCode;
    const QString what = info.httpStatus > 0 ? tr("HTTP %1 %2").arg(info.httpStatus).arg(code) : code;
    QString text;
    if (info.next == AwsAttemptInfo::Next::Retry) {
        text = tr("%1: %2, retrying in %3 s (attempt %4)")
                   .arg(info.operation, what, QLocale().toString(double(info.delay.count()) / 1000.0, 'f', 1))
                   .arg(info.attempt + 1);
    } else if (info.verdict == RetryStrategy::Verdict::NotIdempotent) {
        text = tr("%1 failed: %2; not sent again, as the service may have carried it out (a refresh shows)")
                   .arg(info.operation, what);
    } else {
        text = tr("%1 failed: %2").arg(info.operation, what);
    }
    m_troubleLabel->setText(QStringLiteral("\u26a0 ") + text);
    m_troubleLabel->setToolTip(tr("Request %1, attempt %2, after %3 ms; request ID %4")
                                   .arg(info.requestSerial)
                                   .arg(info.attempt)
                                   .arg(info.elapsed.count())
                                   .arg(info.requestId.isEmpty() ? tr("none") : info.requestId));
    m_troubleLabel->show();
}

void MainWindow::onRefreshFailed(const AwsError &error)
{
    // The table keeps what it had: nothing is removed on a failed refresh.
    m_refreshLabel->setText(
        error.kind == AwsError::Kind::Cancelled ? tr("Refresh cancelled") : tr("Refresh failed"));
    if (error.kind == AwsError::Kind::UninitializedAccount) {
        statusBar()->showMessage(
            tr("Refresh failed: %1 (File > Initialize Application Migration Service sets it up)")
                .arg(error.userMessage()));
    } else if (error.kind != AwsError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Refresh failed: %1").arg(error.userMessage()));
    }
}

void MainWindow::updateSelection()
{
    QList<mgn::SourceServer> selected;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    selected.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        if (const mgn::SourceServer *server = m_servers->serverAt(m_proxy->mapToSource(index).row()))
            selected.append(*server);
    }
    m_actions->setSelection(selected);
    updateDetails();
}

void MainWindow::updateDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const mgn::SourceServer *server
        = rows.size() == 1 ? m_servers->serverAt(m_proxy->mapToSource(rows.first()).row()) : nullptr;
    if (!server) {
        m_details->setServer(std::nullopt, {});
        return;
    }
    m_details->setServer(*server, m_lagHistory->samples(server->id()));
}

bool MainWindow::exportShown(const QString &path, ExportFormat format, QString *error) const
{
    QByteArray bytes;
    if (format == ExportFormat::Csv) {
        bytes = mgn::TableExport::csv(*m_proxy);
    } else {
        QJsonArray items;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            if (const mgn::SourceServer *server
                = m_servers->serverAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()))
                items.append(mgn::SourceServerCodec::encode(*server));
        }
        bytes = QJsonDocument(QJsonObject { { QStringLiteral("items"), items } })
                    .toJson(QJsonDocument::Indented);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::askExport(ExportFormat format)
{
    const bool csv = format == ExportFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export shown servers"),
        csv ? QStringLiteral("source-servers.csv") : QStringLiteral("source-servers.json"),
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportShown(path, format, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(
            tr("Exported %n server(s) to %1", nullptr, m_proxy->rowCount()).arg(path), 10000);
}

QStringList MainWindow::copySelectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(index.data(SourceServerTableModel::ServerIdRole).toString());
    if (!ids.isEmpty())
        QGuiApplication::clipboard()->setText(ids.join(u'\n'));
    return ids;
}

void MainWindow::setAutoRefreshInterval(std::chrono::seconds interval)
{
    int index = m_autoRefreshCombo->findData(int(interval.count()));
    if (index < 0) {
        // A value from elsewhere (an older settings file): offered as it is.
        m_autoRefreshCombo->addItem(tr("Every %1 s").arg(interval.count()), int(interval.count()));
        index = m_autoRefreshCombo->count() - 1;
    }
    m_autoRefreshCombo->setCurrentIndex(index);
    if (m_refresh)
        m_refresh->setInterval(interval);
}

std::chrono::seconds MainWindow::autoRefreshInterval() const
{
    return std::chrono::seconds(m_autoRefreshCombo->currentData().toInt());
}

void MainWindow::updateCount()
{
    m_countTimer->start();
    if (m_servers->rowCount() == 0 && !m_connection) {
        m_countLabel->setText(tr("Not connected"));
        return;
    }
    m_countLabel->setText(
        tr("%1 of %2 source servers shown").arg(m_proxy->rowCount()).arg(m_servers->rowCount()));
}

void MainWindow::updateStateCounts()
{
    const mgn::StateCounts counts = mgn::StateCounts::of(*m_servers);
    m_stateLabel->setText(counts.summary());
    m_stateLabel->setToolTip(counts.details());
}

} // namespace mgn
