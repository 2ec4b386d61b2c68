#include "ui/details/ServerDetailsWidget.h"

#include "models/rules/ConsoleStatus.h"
#include "ui/pages/JobsView.h"
#include "ui/widgets/LagChartView.h"
#include "ui/widgets/LifecycleTimeline.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace mgn {

using mgn::SourceServer;

namespace {

QString dateText(const std::optional<qint64> &msecs)
{
    if (!msecs)
        return QObject::tr("-");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*msecs, Qt::LocalTime), QLocale::ShortFormat);
}

QString durationText(const std::optional<qint64> &ms)
{
    return ms ? ConsoleStatus::formatLag(*ms) : QObject::tr("-");
}

template<typename E> QString wire(const std::optional<mgn::EnumValue<E>> &value)
{
    return value ? value->toWire() : QObject::tr("-");
}

QString orDash(const std::optional<QString> &text)
{
    return text && !text->isEmpty() ? *text : QObject::tr("-");
}

// The console's colours for the replication health.
QString healthColor(ConsoleStatus::Health health)
{
    switch (health) {
    case ConsoleStatus::Health::Healthy:
        return QStringLiteral("#1d8102");
    case ConsoleStatus::Health::TemporaryIssue:
        return QStringLiteral("#b25b00");
    case ConsoleStatus::Health::Stalled:
        return QStringLiteral("#d13212");
    case ConsoleStatus::Health::Neutral:
        break;
    }
    return {};
}

QWidget *scrolling(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(content);
    return area;
}

} // namespace

ServerDetailsWidget::ServerDetailsWidget(QWidget *parent)
    : QTabWidget(parent)
    , m_empty(new QLabel(tr("Select one source server to see its details.")))
    , m_replicationForm(new QFormLayout)
    , m_infoForm(new QFormLayout)
    , m_steps(new QListWidget)
    , m_disks(new QTableWidget(0, 6))
    , m_lagChart(new LagChartView)
    , m_timeline(new LifecycleTimeline)
    , m_jobs(new JobsView)
{
    setAccessibleName(tr("Source server details"));
    auto *replication = new QWidget;
    auto *replicationLayout = new QVBoxLayout(replication);
    m_empty->setAlignment(Qt::AlignCenter);
    replicationLayout->addWidget(m_empty);
    replicationLayout->addLayout(m_replicationForm);
    for (const QString &label : { tr("Data replication status"), tr("Progress"), tr("ETA"), tr("Lag"),
             tr("Backlog"), tr("Elapsed replication time"), tr("Last seen"), tr("Last snapshot"),
             tr("Replication error"), tr("Migration lifecycle"), tr("Next step") })
        field(m_replicationForm, label);
    m_steps->setAccessibleName(tr("Initiation steps"));
    m_steps->setMaximumHeight(220);
    replicationLayout->addWidget(new QLabel(tr("Initiation steps")));
    replicationLayout->addWidget(m_steps);
    replicationLayout->addStretch();
    addTab(scrolling(replication), tr("Replication"));

    m_disks->setHorizontalHeaderLabels(
        { tr("Device"), tr("Total"), tr("Replicated"), tr("Rescanned"), tr("Backlog"), tr("Progress") });
    m_disks->verticalHeader()->hide();
    m_disks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_disks->horizontalHeader()->setStretchLastSection(true);
    m_disks->setAccessibleName(tr("Replicated disks"));
    addTab(m_disks, tr("Disks"));

    addTab(m_lagChart, tr("Lag"));
    addTab(scrolling(m_timeline), tr("Lifecycle"));

    auto *info = new QWidget;
    info->setLayout(m_infoForm);
    for (const QString &label : { tr("Hostname"), tr("FQDN"), tr("VM path"), tr("Operating system"),
             tr("CPUs"), tr("RAM"), tr("Disks"), tr("Network interfaces"), tr("Recommended instance type"),
             tr("Replication type"), tr("vCenter client"), tr("Application"), tr("Tags"),
             tr("Launched instance"), tr("Source server ID"), tr("ARN") })
        field(m_infoForm, label);
    addTab(scrolling(info), tr("Server info"));
    addTab(m_jobs, tr("Jobs"));
    setServer(std::nullopt, {});
}

QLabel *ServerDetailsWidget::field(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel;
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    form->addRow(label + u':', value);
    m_fields.insert(label, value);
    return value;
}

QString ServerDetailsWidget::fieldText(const QString &label) const
{
    const QLabel *value = m_fields.value(label);
    return value ? value->text() : QString();
}

QString ServerDetailsWidget::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

void ServerDetailsWidget::setServer(
    const std::optional<SourceServer> &server, const QList<LagHistory::Sample> &lag)
{
    m_empty->setVisible(!server);
    for (QLabel *value : std::as_const(m_fields))
        value->clear();
    m_steps->clear();
    m_disks->setRowCount(0);
    m_lagChart->setSamples(server ? lag : QList<LagHistory::Sample>());
    m_timeline->setServer(server);
    // No server: no jobs (the account's jobs have a view of their own).
    m_jobs->setServerFilter(server ? server->id() : QString());
    setTabEnabled(1, server.has_value());
    setTabEnabled(4, server.has_value());
    if (!server)
        return;
    const SourceServer &s = *server;
    const auto &info = s.dataReplicationInfo;
    auto set = [this](const QString &label, const QString &text) { m_fields.value(label)->setText(text); };

    QLabel *status = m_fields.value(tr("Data replication status"));
    status->setText(ConsoleStatus::replicationStatusText(s));
    const QString color = healthColor(ConsoleStatus::health(s));
    status->setStyleSheet(
        color.isEmpty() ? QString() : QStringLiteral("color: %1; font-weight: bold").arg(color));
    const auto progress = ConsoleStatus::replicationProgress(s);
    set(tr("Progress"), progress ? tr("%1%").arg(int(std::floor(*progress * 100))) : tr("-"));
    set(tr("ETA"), dateText(info ? info->etaDateTime : std::nullopt));
    set(tr("Lag"), durationText(s.lag()));
    const auto backlog = ConsoleStatus::backlogBytes(s);
    set(tr("Backlog"), backlog ? formatBytes(*backlog) : tr("-"));
    set(tr("Elapsed replication time"),
        durationText(s.lifeCycle ? s.lifeCycle->elapsedReplicationDuration : std::nullopt));
    set(tr("Last seen"), dateText(s.lifeCycle ? s.lifeCycle->lastSeenByServiceDateTime : std::nullopt));
    set(tr("Last snapshot"), dateText(info ? info->lastSnapshotDateTime : std::nullopt));
    QString error = tr("-");
    if (info && info->dataReplicationError) {
        const auto &e = *info->dataReplicationError;
        error = wire(e.error);
        if (e.rawError && !e.rawError->isEmpty())
            error += QStringLiteral(": ") + *e.rawError;
    }
    set(tr("Replication error"), error);
    set(tr("Migration lifecycle"), ConsoleStatus::lifeCycleLabel(s));
    set(tr("Next step"), ConsoleStatus::nextStep(s));

    if (info && info->dataReplicationInitiation && info->dataReplicationInitiation->steps) {
        for (const auto &step : *info->dataReplicationInitiation->steps) {
            const QString name = wire(step.name);
            const QString state = wire(step.status);
            QString mark = QStringLiteral("\u25cb"); // not started
            if (step.status == mgn::DataReplicationInitiationStepStatus::Succeeded)
                mark = QStringLiteral("\u2713");
            else if (step.status == mgn::DataReplicationInitiationStepStatus::Failed)
                mark = QStringLiteral("\u2717");
            else if (step.status == mgn::DataReplicationInitiationStepStatus::InProgress)
                mark = QStringLiteral("\u25d4");
            auto *item
                = new QListWidgetItem(mark + u' ' + name + QStringLiteral(" (") + state + u')', m_steps);
            if (step.status == mgn::DataReplicationInitiationStepStatus::Failed)
                item->setForeground(QColor(QStringLiteral("#d13212")));
        }
    }

    if (info && info->replicatedDisks) {
        const auto &disks = *info->replicatedDisks;
        m_disks->setRowCount(int(disks.size()));
        for (int row = 0; row < disks.size(); ++row) {
            const auto &disk = disks.at(row);
            auto bytes = [](const std::optional<qint64> &value) {
                return value ? ServerDetailsWidget::formatBytes(*value) : tr("-");
            };
            m_disks->setItem(row, 0, new QTableWidgetItem(orDash(disk.deviceName)));
            m_disks->setItem(row, 1, new QTableWidgetItem(bytes(disk.totalStorageBytes)));
            m_disks->setItem(row, 2, new QTableWidgetItem(bytes(disk.replicatedStorageBytes)));
            m_disks->setItem(row, 3, new QTableWidgetItem(bytes(disk.rescannedStorageBytes)));
            m_disks->setItem(row, 4, new QTableWidgetItem(bytes(disk.backloggedStorageBytes)));
            auto *bar = new QProgressBar;
            const qint64 total = disk.totalStorageBytes.value_or(0);
            bar->setRange(0, 1000);
            bar->setValue(
                total > 0 ? int(1000 * double(disk.replicatedStorageBytes.value_or(0)) / double(total)) : 0);
            bar->setFormat(total > 0 ? QStringLiteral("%p%") : tr("unknown"));
            bar->setAccessibleName(tr("Replication of %1").arg(orDash(disk.deviceName)));
            m_disks->setCellWidget(row, 5, bar);
        }
    }

    const auto &properties = s.sourceProperties;
    const auto hints = properties ? properties->identificationHints : std::nullopt;
    set(tr("Hostname"), orDash(hints ? hints->hostname : std::nullopt));
    set(tr("FQDN"), orDash(hints ? hints->fqdn : std::nullopt));
    set(tr("VM path"), orDash(hints ? hints->vmPath : std::nullopt));
    set(tr("Operating system"),
        orDash(properties && properties->os ? properties->os->fullString : std::nullopt));
    QStringList cpus;
    if (properties && properties->cpus) {
        for (const auto &cpu : *properties->cpus)
            cpus.append(tr("%1 cores, %2").arg(cpu.cores.value_or(0)).arg(orDash(cpu.modelName)));
    }
    set(tr("CPUs"), cpus.isEmpty() ? tr("-") : cpus.join(u'\n'));
    set(tr("RAM"), properties && properties->ramBytes ? formatBytes(*properties->ramBytes) : tr("-"));
    QStringList disks;
    if (properties && properties->disks) {
        for (const auto &disk : *properties->disks)
            disks.append(orDash(disk.deviceName) + QStringLiteral(": ")
                + (disk.bytes ? formatBytes(*disk.bytes) : tr("-")));
    }
    set(tr("Disks"), disks.isEmpty() ? tr("-") : disks.join(u'\n'));
    QStringList nics;
    if (properties && properties->networkInterfaces) {
        for (const auto &nic : *properties->networkInterfaces) {
            nics.append(orDash(nic.macAddress) + QStringLiteral(": ")
                + nic.ips.value_or(QStringList()).join(QStringLiteral(", "))
                + (nic.isPrimary.value_or(false) ? tr(" (primary)") : QString()));
        }
    }
    set(tr("Network interfaces"), nics.isEmpty() ? tr("-") : nics.join(u'\n'));
    set(tr("Recommended instance type"),
        orDash(properties ? properties->recommendedInstanceType : std::nullopt));
    set(tr("Replication type"), wire(s.replicationType));
    set(tr("vCenter client"), orDash(s.vcenterClientID));
    set(tr("Application"), orDash(s.applicationID));
    QStringList tags;
    if (s.tags) {
        for (auto it = s.tags->cbegin(); it != s.tags->cend(); ++it)
            tags.append(it.key() + QStringLiteral(" = ") + it.value());
    }
    set(tr("Tags"), tags.isEmpty() ? tr("-") : tags.join(u'\n'));
    QString launched = tr("-");
    if (s.launchedInstance && s.launchedInstance->ec2InstanceID) {
        launched = *s.launchedInstance->ec2InstanceID
            + tr(" (first boot: %1, job %2)")
                  .arg(wire(s.launchedInstance->firstBoot), orDash(s.launchedInstance->jobID));
    }
    set(tr("Launched instance"), launched);
    set(tr("Source server ID"), s.id());
    set(tr("ARN"), orDash(s.arn));
}

} // namespace mgn
