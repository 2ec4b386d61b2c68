#include "ui/MainWindow.h"

#include "app/aws/AwsAttemptInfo.h"
#include "app/aws/AwsError.h"
#include "app/aws/ServiceEndpoint.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/DashboardSession.h"
#include "app/services/LagHistory.h"
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
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(std::make_unique<DashboardSession>(DashboardSession::defaultLagCacheFile()))
    , m_proxy(new SourceServerFilterProxyModel(this))
    , m_actions(new ActionController(this, this))
{
    setWindowTitle(tr("MGN Dashboard"));
    m_proxy->setSourceModel(m_session->servers());
    createActions();
    createCentralWidget();
    createMenus();
    createToolBars();
    createContextMenus();
    createStatusBar();
    connectModels();
    connectSession();
    updateCount();
    updateSelection();
    resize(1280, 800);
    restoreLayout();
}

MainWindow::~MainWindow()
{
    saveLayout();
    // The widgets are deleted after the session: they let go of its client,
    // jobs and fleet, and hear no more from it, before it goes.
    m_session->setConnection(nullptr);
    m_session->disconnect(this);
    m_proxy->setSourceModel(nullptr);
}

void MainWindow::createActions()
{
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setEnabled(false);
    m_cancelAction = new QAction(tr("&Cancel refresh"), this);
    m_cancelAction->setEnabled(false);
    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    addAction(m_findAction);
    m_actionMenus = m_actions->createMenus(this);
}

void MainWindow::createCentralWidget()
{
    m_filterBar = new FilterBar(m_proxy);
    m_filterBar->setObjectName(u"filterBar"_s);
    connect(m_findAction, &QAction::triggered, m_filterBar, [this] {
        m_filterBar->textEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filterBar->textEdit()->selectAll();
    });

    m_table = new QTableView;
    m_table->setObjectName(u"serverTable"_s);
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

    m_details = new ServerDetailsWidget;
    m_details->setObjectName(u"serverDetails"_s);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_filterBar);
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(u"tableDetailsSplitter"_s);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(
        tr("Export shown servers as &CSV..."), this, [this] { askExport(ExportFormat::Csv); });
    fileMenu->addAction(
        tr("Export shown servers as &JSON..."), this, [this] { askExport(ExportFormat::Json); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("AWS &credentials for a profile..."), this, [this] {
        const MgnConnection *connection = m_session->connection();
        CredentialsDialog dialog(
            m_session->profileKeys(), connection ? connection->profileName() : u"default"_s, this);
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
    viewMenu->addAction(m_findAction);
    viewMenu->addSeparator();
    QMenu *themeMenu = viewMenu->addMenu(tr("&Theme"));
    m_themeActions = new QActionGroup(this);
    m_themeActions->setObjectName(u"themeActions"_s);
    for (const Theme::Choice choice : { Theme::Choice::System, Theme::Choice::Light, Theme::Choice::Dark }) {
        QAction *action = themeMenu->addAction(Theme::label(choice), this, [choice] {
            Theme::apply(choice);
            QSettings().setValue(u"MainWindow/theme"_s, Theme::key(choice));
        });
        action->setCheckable(true);
        action->setChecked(choice == Theme::current());
        action->setData(Theme::key(choice));
        m_themeActions->addAction(action);
    }
    for (QMenu *menu : std::as_const(m_actionMenus))
        menuBar()->addMenu(menu);
    createJobsDock(viewMenu);
}

void MainWindow::createJobsDock(QMenu *viewMenu)
{
    m_accountJobs = new JobsView;
    m_accountJobs->setObjectName(u"accountJobs"_s);
    auto *jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(u"jobsDock"_s);
    jobsDock->setWidget(m_accountJobs);
    addDockWidget(Qt::RightDockWidgetArea, jobsDock);
    jobsDock->hide();
    viewMenu->addAction(jobsDock->toggleViewAction());
}

void MainWindow::createToolBars()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    m_profileCombo = new QComboBox;
    m_profileCombo->setObjectName(u"profilePicker"_s);
    m_profileCombo->setAccessibleName(tr("AWS profile"));
    m_profileCombo->setToolTip(tr("A profile of ~/.aws/config and ~/.aws/credentials"));
    m_profileCombo->addItems(DashboardSession::profileNames());
    m_regionCombo = new QComboBox;
    m_regionCombo->setObjectName(u"regionPicker"_s);
    m_regionCombo->setAccessibleName(tr("AWS region"));
    for (const AwsRegion &region : mgnRegions())
        m_regionCombo->addItem(region.code + u" - "_s + region.name, region.code);
    toolBar->addWidget(m_profileCombo);
    toolBar->addWidget(m_regionCombo);
    m_accountLabel = new QLabel;
    m_accountLabel->setObjectName(u"account"_s);
    m_accountLabel->setAccessibleName(tr("AWS account"));
    m_accountLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accountLabel->setContentsMargins(6, 0, 6, 0);
    toolBar->addWidget(m_accountLabel);
    auto reconnect = [this] {
        m_session->openConnection(
            m_profileCombo->currentText(), m_regionCombo->currentData().toString(), m_session->endpointUrl());
    };
    connect(m_profileCombo, &QComboBox::activated, this, reconnect);
    connect(m_regionCombo, &QComboBox::activated, this, reconnect);
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_cancelAction);
    m_autoRefreshCombo = new QComboBox;
    m_autoRefreshCombo->setObjectName(u"autoRefresh"_s);
    m_autoRefreshCombo->setAccessibleName(tr("Automatic refresh"));
    m_autoRefreshCombo->setToolTip(
        tr("Refresh the server list on its own, counted from the end of the last refresh"));
    m_autoRefreshCombo->addItem(tr("Auto-refresh off"), 0);
    for (const int seconds : { 30, 60, 120, 300, 900 }) {
        m_autoRefreshCombo->addItem(
            seconds < 60 ? tr("Every %1 s").arg(seconds) : tr("Every %1 min").arg(seconds / 60), seconds);
    }
    connect(m_autoRefreshCombo, &QComboBox::activated, this, [this] {
        m_session->setAutoRefreshInterval(std::chrono::seconds(m_autoRefreshCombo->currentData().toInt()));
    });
    toolBar->addWidget(m_autoRefreshCombo);
    toolBar->addSeparator();
    for (QMenu *menu : std::as_const(m_actionMenus)) {
        toolBar->addActions(menu->actions());
        toolBar->addSeparator();
    }
}

void MainWindow::createContextMenus()
{
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu menu;
        for (QMenu *group : std::as_const(m_actionMenus)) {
            menu.addSection(group->title().remove(u'&'));
            menu.addActions(group->actions());
        }
        menu.setToolTipsVisible(true);
        menu.exec(m_table->viewport()->mapToGlobal(position));
    });
    // Columns can be hidden from the header's context menu.
    QHeaderView *header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &position) {
        QMenu menu;
        for (int column = 0; column < m_proxy->columnCount(); ++column) {
            QAction *action = menu.addAction(m_proxy->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(column));
            connect(action, &QAction::toggled, header,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
        }
        menu.exec(header->mapToGlobal(position));
    });
}

void MainWindow::createStatusBar()
{
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(u"stateCounts"_s);
    m_stateLabel->setAccessibleName(tr("Servers by state"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_stateLabel, 1);
    m_troubleLabel = new QLabel;
    m_troubleLabel->setObjectName(u"connectionTrouble"_s);
    m_troubleLabel->setAccessibleName(tr("Connection problem"));
    m_troubleLabel->hide();
    statusBar()->addPermanentWidget(m_troubleLabel);
    m_inFlightLabel = new QLabel;
    m_inFlightLabel->setObjectName(u"requestsInFlight"_s);
    statusBar()->addPermanentWidget(m_inFlightLabel);
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(u"serverCount"_s);
    statusBar()->addPermanentWidget(m_countLabel);
    m_refreshLabel = new QLabel;
    m_refreshLabel->setObjectName(u"refreshState"_s);
    statusBar()->addPermanentWidget(m_refreshLabel);
}

// The table's selection drives the actions and the details; the counts follow the models.
void MainWindow::connectModels()
{
    const SourceServerTableModel *servers = m_session->servers();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateSelection);
    // The selected servers' state may change under the selection.
    connect(servers, &QAbstractItemModel::dataChanged, this, &MainWindow::updateSelection);
    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(0);
    connect(m_countTimer, &QTimer::timeout, this, &MainWindow::updateStateCounts);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCount);
    connect(servers, &QAbstractItemModel::dataChanged, m_countTimer, qOverload<>(&QTimer::start));
}

void MainWindow::connectSession()
{
    DashboardSession *session = m_session.get();
    connect(m_refreshAction, &QAction::triggered, session, &DashboardSession::refresh);
    connect(m_cancelAction, &QAction::triggered, session, &DashboardSession::cancelRefresh);
    connect(
        m_actions, &ActionController::serversUpdated, session->servers(), &SourceServerTableModel::upsert);
    connect(m_actions, &ActionController::jobStarted, session, &DashboardSession::followJob);
    connect(m_actions, &ActionController::serviceInitialized, m_refreshAction, &QAction::trigger);
    connect(m_actions, &ActionController::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 15000); });

    connect(session, &DashboardSession::connectionChanged, this, &MainWindow::onConnectionChanged);
    connect(session, &DashboardSession::connectionOpened, this, &MainWindow::onConnectionOpened);
    connect(session, &DashboardSession::connectionFailed, this, &MainWindow::showConnectionError);
    connect(session, &DashboardSession::accountChanged, this, &MainWindow::showAccount);
    connect(
        session, &DashboardSession::autoRefreshIntervalChanged, this, &MainWindow::showAutoRefreshInterval);
    connect(session, &DashboardSession::attemptFinished, this, &MainWindow::showAttempt);
    connect(session, &DashboardSession::requestsInFlightChanged, this, [this](int count) {
        m_inFlightLabel->setText(count > 0 ? tr("%n request(s) in flight", nullptr, count) : QString());
    });
    connect(session, &DashboardSession::refreshStarted, this, [this] {
        m_cancelAction->setEnabled(true);
        m_progress->show();
        m_refreshLabel->setText(tr("Refreshing..."));
    });
    connect(session, &DashboardSession::pageArrived, this,
        [this](const QList<mgn::SourceServer> &, const PagingProgress &progress) {
            m_refreshLabel->setText(
                tr("Refreshing: %n page(s), %1 servers", nullptr, progress.pages).arg(progress.items));
        });
    connect(session, &DashboardSession::refreshSucceeded, this, &MainWindow::onRefreshSucceeded);
    connect(session, &DashboardSession::refreshFailed, this, &MainWindow::onRefreshFailed);
    connect(session, &DashboardSession::serversSkipped, this, [this](const QStringList &problems) {
        statusBar()->showMessage(
            tr("%n server(s) could not be read: %1", nullptr, int(problems.size())).arg(problems.first()),
            30000);
    });
    connect(session, &DashboardSession::refreshFinished, this, [this] {
        m_cancelAction->setEnabled(false);
        m_progress->hide();
    });
    connect(session, &DashboardSession::jobFinished, this, [this](const mgn::Job &job) {
        statusBar()->showMessage(
            tr("Job %1 finished (%2)").arg(job.jobID, job.status ? job.status->toWire() : QString()), 15000);
    });
}

// Window geometry, toolbars, column order, widths, hidden columns, sort and
// the splitter: QSettings, never anything secret.
void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    settings.setValue(u"columns"_s, m_table->horizontalHeader()->saveState());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"autoRefreshSeconds"_s, qint64(m_session->autoRefreshInterval().count()));
    settings.endGroup();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    restoreState(settings.value(u"state"_s).toByteArray());
    m_columnsSized = m_table->horizontalHeader()->restoreState(settings.value(u"columns"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_session->setAutoRefreshInterval(
        std::chrono::seconds(settings.value(u"autoRefreshSeconds"_s, 0).toLongLong()));
    if (const auto theme = Theme::fromKey(settings.value(u"theme"_s).toString())) {
        if (*theme != Theme::current())
            Theme::apply(*theme);
        for (QAction *action : m_themeActions->actions())
            action->setChecked(action->data().toString() == Theme::key(*theme));
    }
    settings.endGroup();
}

void MainWindow::onConnectionChanged()
{
    const MgnConnection *connection = m_session->connection();
    MgnClient *client = m_session->client();
    m_actions->setClient(client);
    m_refreshAction->setEnabled(connection != nullptr);
    m_accountJobs->setClient(client);
    m_accountJobs->setTracker(m_session->jobTracker());
    m_details->jobs()->setClient(client);
    m_details->jobs()->setTracker(m_session->jobTracker());
    if (!connection) {
        updateCount();
        return;
    }
    setWindowTitle(tr("MGN Dashboard - %1 - %2").arg(connection->profileName(), connection->region()));
}

void MainWindow::onConnectionOpened(const QString &profile, const QString &region)
{
    if (m_profileCombo->findText(profile) < 0)
        m_profileCombo->addItem(profile);
    m_profileCombo->setCurrentText(profile);
    const int regionIndex = m_regionCombo->findData(region);
    if (regionIndex >= 0)
        m_regionCombo->setCurrentIndex(regionIndex);
}

void MainWindow::showConnectionError(const QString &message)
{
    statusBar()->showMessage(tr("Not connected: %1").arg(message));
}

void MainWindow::showAccount(const QString &account)
{
    if (account.isEmpty()) {
        m_accountLabel->clear();
        return;
    }
    m_accountLabel->setText(tr("Account %1").arg(account));
    m_accountLabel->setToolTip(tr("The AWS account whose source servers are shown"));
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
    m_troubleLabel->setText(u"\u26a0 "_s + text);
    m_troubleLabel->setToolTip(tr("Request %1, attempt %2, after %3 ms; request ID %4")
                                   .arg(info.requestSerial)
                                   .arg(info.attempt)
                                   .arg(info.elapsed.count())
                                   .arg(info.requestId.isEmpty() ? tr("none") : info.requestId));
    m_troubleLabel->show();
}

void MainWindow::onRefreshSucceeded()
{
    if (!m_columnsSized && m_session->servers()->rowCount() > 0) {
        // Once, when no saved layout says otherwise; the header measures a
        // bounded number of rows (resizeContentsPrecision).
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
    updateDetails();
    m_refreshLabel->setText(
        tr("Refreshed %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
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

void MainWindow::showAutoRefreshInterval(std::chrono::seconds interval)
{
    int index = m_autoRefreshCombo->findData(int(interval.count()));
    if (index < 0) {
        // A value from elsewhere (an older settings file): offered as it is.
        m_autoRefreshCombo->addItem(tr("Every %1 s").arg(interval.count()), int(interval.count()));
        index = m_autoRefreshCombo->count() - 1;
    }
    m_autoRefreshCombo->setCurrentIndex(index);
}

void MainWindow::updateSelection()
{
    const SourceServerTableModel *servers = m_session->servers();
    QList<mgn::SourceServer> selected;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    selected.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        if (const mgn::SourceServer *server = servers->serverAt(m_proxy->mapToSource(index).row()))
            selected.append(*server);
    }
    m_actions->setSelection(selected);
    updateDetails();
}

void MainWindow::updateDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const mgn::SourceServer *server = rows.size() == 1
        ? m_session->servers()->serverAt(m_proxy->mapToSource(rows.first()).row())
        : nullptr;
    if (!server) {
        m_details->setServer(std::nullopt, {});
        return;
    }
    m_details->setServer(*server, m_session->lagHistory()->samples(server->id()));
}

bool MainWindow::exportShown(const QString &path, ExportFormat format, QString *error) const
{
    QByteArray bytes;
    if (format == ExportFormat::Csv) {
        bytes = TableExport::csv(*m_proxy);
    } else {
        QJsonArray items;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            if (const mgn::SourceServer *server
                = m_session->servers()->serverAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()))
                items.append(SourceServerCodec::encode(*server));
        }
        bytes = QJsonDocument(QJsonObject { { u"items"_s, items } }).toJson(QJsonDocument::Indented);
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
        csv ? u"source-servers.csv"_s : u"source-servers.json"_s,
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

void MainWindow::updateCount()
{
    m_countTimer->start();
    const int total = m_session->servers()->rowCount();
    if (total == 0 && !m_session->connection()) {
        m_countLabel->setText(tr("Not connected"));
        return;
    }
    m_countLabel->setText(tr("%1 of %2 source servers shown").arg(m_proxy->rowCount()).arg(total));
}

void MainWindow::updateStateCounts()
{
    const StateCounts counts = StateCounts::of(*m_session->servers());
    m_stateLabel->setText(counts.summary());
    m_stateLabel->setToolTip(counts.details());
}

} // namespace mgn
