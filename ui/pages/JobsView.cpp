#include "ui/pages/JobsView.h"

#include "app/mgn/MgnClient.h"
#include "app/services/JobTracker.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace mgn {

namespace {

QString dateText(const std::optional<qint64> &msecs)
{
    return msecs
        ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*msecs, Qt::LocalTime), QLocale::ShortFormat)
        : QString();
}

template<typename E> QString wire(const std::optional<mgn::EnumValue<E>> &value)
{
    return value ? value->toWire() : QString();
}

QTableWidget *table(const QStringList &headers, const QString &name)
{
    auto *widget = new QTableWidget(0, int(headers.size()));
    widget->setHorizontalHeaderLabels(headers);
    widget->verticalHeader()->hide();
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setSelectionMode(QAbstractItemView::SingleSelection);
    widget->horizontalHeader()->setStretchLastSection(true);
    widget->setAccessibleName(name);
    return widget;
}

} // namespace

JobsView::JobsView(QWidget *parent)
    : QWidget(parent)
    , m_jobs(table({ tr("Job ID"), tr("Type"), tr("Initiated by"), tr("Status"), tr("Created"), tr("Ended"),
                       tr("Servers") },
          tr("Jobs")))
    , m_log(table(
          { tr("Time"), tr("Event"), tr("Source server"), tr("Instance"), tr("Details") }, tr("Job log")))
    , m_logState(new QLabel)
{
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_jobs);
    auto *logPane = new QWidget;
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logState);
    logLayout->addWidget(m_log);
    splitter->addWidget(logPane);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_jobs, &QTableWidget::itemSelectionChanged, this, &JobsView::showLog);
    m_logState->setText(tr("Select a job to see its log."));
}

void JobsView::setTracker(JobTracker *tracker)
{
    if (m_tracker)
        m_tracker->disconnect(this);
    m_tracker = tracker;
    if (m_tracker)
        connect(m_tracker, &JobTracker::jobsChanged, this, &JobsView::populate);
    populate();
}

void JobsView::setClient(MgnClient *client)
{
    m_client = client;
}

void JobsView::setServerFilter(const std::optional<QString> &sourceServerId)
{
    if (m_server == sourceServerId)
        return;
    m_server = sourceServerId;
    populate();
}

void JobsView::populate()
{
    const QString selected = m_jobs->currentRow() >= 0 && m_jobs->item(m_jobs->currentRow(), 0)
        ? m_jobs->item(m_jobs->currentRow(), 0)->text()
        : QString();
    const QList<mgn::Job> jobs = !m_tracker ? QList<mgn::Job>()
        : m_server                          ? m_tracker->jobsOf(*m_server)
                                            : m_tracker->jobs();
    const QSignalBlocker blocker(m_jobs);
    m_jobs->setRowCount(int(jobs.size()));
    int selectedRow = -1;
    for (int row = 0; row < jobs.size(); ++row) {
        const mgn::Job &job = jobs.at(row);
        const int servers = job.participatingServers ? int(job.participatingServers->size()) : 0;
        const QStringList cells = { job.jobID, wire(job.type), wire(job.initiatedBy), wire(job.status),
            dateText(job.creationDateTime), dateText(job.endDateTime), QString::number(servers) };
        for (int column = 0; column < cells.size(); ++column)
            m_jobs->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        if (job.jobID == selected)
            selectedRow = row;
    }
    if (selectedRow >= 0)
        m_jobs->selectRow(selectedRow);
}

void JobsView::showLog()
{
    if (m_logCall)
        m_logCall->abort();
    m_log->setRowCount(0);
    const int row = m_jobs->currentRow();
    if (row < 0 || !m_jobs->item(row, 0) || !m_client) {
        m_logState->setText(tr("Select a job to see its log."));
        return;
    }
    const QString jobId = m_jobs->item(row, 0)->text();
    m_logState->setText(tr("Loading the log of %1...").arg(jobId));
    auto items = std::make_shared<QList<mgn::JobLog>>();
    m_logCall = m_client->describeJobLogItems(
        jobId,
        [items](const mgn::Page<mgn::JobLog> &page, const PagingProgress &) { items->append(page.items); },
        [this, items, jobId](const MgnResult<PagingProgress> &result) {
            if (!result.ok()) {
                if (result.error->kind != AwsError::Kind::Cancelled)
                    m_logState->setText(
                        tr("The log of %1 could not be loaded: %2").arg(jobId, result.error->userMessage()));
                return;
            }
            m_logState->setText(tr("Log of %1").arg(jobId));
            m_log->setRowCount(int(items->size()));
            for (int logRow = 0; logRow < items->size(); ++logRow) {
                const mgn::JobLog &log = items->at(logRow);
                const auto eventData = log.eventData.value_or(mgn::JobLogEventData());
                QString details = eventData.rawError.value_or(QString());
                if (eventData.attemptCount)
                    details += tr(" (attempt %1 of %2)")
                                   .arg(*eventData.attemptCount)
                                   .arg(eventData.maxAttemptsCount.value_or(0));
                const QStringList cells = { dateText(log.logDateTime), wire(log.event),
                    eventData.sourceServerID.value_or(QString()),
                    eventData.targetInstanceID.value_or(QString()), details.trimmed() };
                for (int column = 0; column < cells.size(); ++column)
                    m_log->setItem(logRow, column, new QTableWidgetItem(cells.at(column)));
            }
        });
}

} // namespace mgn
