#include "models/itemmodels/SourceServerTableModel.h"

#include "models/rules/ConsoleStatus.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace mgn {

namespace {

using Column = SourceServerTableModel::Column;

// Lifecycle states in the order a migration goes through them.
constexpr LifeCycleState lifeCycleSequence[] = {
    LifeCycleState::Discovered,
    LifeCycleState::PendingInstallation,
    LifeCycleState::Stopped,
    LifeCycleState::NotReady,
    LifeCycleState::ReadyForTest,
    LifeCycleState::Testing,
    LifeCycleState::ReadyForCutover,
    LifeCycleState::CuttingOver,
    LifeCycleState::Cutover,
    LifeCycleState::Disconnected,
};
static_assert(std::size(lifeCycleSequence) == EnumTraits<LifeCycleState>::wireNames.size(),
    "every lifecycle state has a place in the sequence");

// Known enum values sort by ordinal, unrecognized ones after them.
template<typename E> int enumOrder(const EnumValue<E> &value)
{
    return value.isKnown() ? int(value.value()) : int(EnumTraits<E>::wireNames.size()) + 1;
}

template<typename E> QString enumText(const EnumValue<E> &value)
{
    return value.isKnown() ? value.toWire() : value.unknownText();
}

QString formatDate(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::LocalTime)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant optionalDate(const std::optional<qint64> &msecs, bool display)
{
    if (!msecs)
        return display ? QVariant(QString()) : QVariant();
    return display ? QVariant(formatDate(*msecs)) : QVariant(*msecs);
}

QVariant lowerOrAbsent(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text.toLower());
}

std::optional<qint64> etaOf(const SourceServer &server)
{
    return server.dataReplicationInfo ? server.dataReplicationInfo->etaDateTime : std::nullopt;
}

std::optional<qint64> lastSnapshotOf(const SourceServer &server)
{
    return server.dataReplicationInfo ? server.dataReplicationInfo->lastSnapshotDateTime : std::nullopt;
}

std::optional<qint64> lastSeenOf(const SourceServer &server)
{
    return server.lifeCycle ? server.lifeCycle->lastSeenByServiceDateTime : std::nullopt;
}

QString operatingSystemOf(const SourceServer &server)
{
    if (server.sourceProperties && server.sourceProperties->os)
        return server.sourceProperties->os->fullString.value_or(QString());
    return {};
}

// The IPs of the NIC marked primary, else of the first NIC that has any.
QStringList primaryIps(const SourceServer &server)
{
    if (!server.sourceProperties || !server.sourceProperties->networkInterfaces)
        return {};
    const auto &nics = *server.sourceProperties->networkInterfaces;
    for (const auto &nic : nics) {
        if (nic.isPrimary.value_or(false) && nic.ips && !nic.ips->isEmpty())
            return *nic.ips;
    }
    for (const auto &nic : nics) {
        if (nic.ips && !nic.ips->isEmpty())
            return *nic.ips;
    }
    return {};
}

// IPv4 with zero-padded octets, so that 10.0.0.9 sorts before 10.0.0.10;
// anything else (IPv6) lowercase. Written out by hand: it is read for every
// row when the table is sorted by address.
QString ipSortKey(const QString &ip)
{
    QString key(15, Qt::Uninitialized);
    QChar *out = key.data();
    int parts = 0;
    uint octet = 0;
    int digits = 0;
    for (qsizetype i = 0; i <= ip.size(); ++i) {
        const char16_t unit = i < ip.size() ? ip.at(i).unicode() : u'.';
        if (unit >= u'0' && unit <= u'9') {
            octet = octet * 10 + (unit - u'0');
            ++digits;
            if (octet > 255)
                return ip.toLower();
            continue;
        }
        if (unit != u'.' || digits == 0 || ++parts > 4)
            return ip.toLower();
        if (parts > 1)
            *out++ = u'.';
        *out++ = QChar(char16_t(u'0' + octet / 100));
        *out++ = QChar(char16_t(u'0' + octet / 10 % 10));
        *out++ = QChar(char16_t(u'0' + octet % 10));
        octet = 0;
        digits = 0;
    }
    return parts == 4 ? key : ip.toLower();
}

// The service's explanation of a replication error, for a tooltip.
QString replicationErrorText(const SourceServer &server)
{
    if (!server.dataReplicationInfo || !server.dataReplicationInfo->dataReplicationError)
        return {};
    const auto &error = *server.dataReplicationInfo->dataReplicationError;
    if (error.rawError && !error.rawError->isEmpty())
        return *error.rawError;
    return error.error ? enumText(*error.error) : QString();
}

bool isNumeric(Column column)
{
    return column == Column::Progress || column == Column::Lag;
}

} // namespace

SourceServerTableModel::SourceServerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

SourceServerTableModel::~SourceServerTableModel() = default;

int SourceServerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SourceServerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceServerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceServer &server = *m_rows[std::size_t(index.row())];
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(server, column);
    case SortRole:
        return sortData(server, column);
    case Qt::ToolTipRole:
        return toolTipData(server, column);
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case ServerIdRole:
        return server.id();
    case HealthRole:
        return int(ConsoleStatus::health(server));
    case AlertRole:
        return int(ConsoleStatus::alert(server));
    default:
        return {};
    }
}

QVariant SourceServerTableModel::displayData(const SourceServer &server, Column column)
{
    switch (column) {
    case Column::Name:
        return server.displayName();
    case Column::Alerts:
        return ConsoleStatus::alertText(ConsoleStatus::alert(server));
    case Column::LifeCycle:
        return ConsoleStatus::lifeCycleLabel(server);
    case Column::DataReplicationStatus:
        return ConsoleStatus::replicationStatusText(server);
    case Column::ReplicationType:
        if (!server.replicationType)
            return QString();
        switch (server.replicationType->value()) {
        case ReplicationType::AgentBased:
            return tr("Agent-based");
        case ReplicationType::SnapshotShipping:
            return tr("Agentless (snapshot shipping)");
        case ReplicationType::Unrecognized:
            break;
        }
        return server.replicationType->unknownText();
    case Column::Progress:
        if (const auto progress = ConsoleStatus::replicationProgress(server))
            // Floor, as the status column: "100%" only once all is replicated.
            return tr("%1%").arg(int(std::floor(*progress * 100.0)));
        return QString();
    case Column::Lag:
        if (const auto lag = server.lag())
            return ConsoleStatus::formatLag(*lag);
        return QString();
    case Column::Eta:
        return optionalDate(etaOf(server), true);
    case Column::LastSnapshot:
        return optionalDate(lastSnapshotOf(server), true);
    case Column::LastSeen:
        return optionalDate(lastSeenOf(server), true);
    case Column::NextStep:
        return ConsoleStatus::nextStep(server);
    case Column::Id:
        return server.id();
    case Column::OperatingSystem:
        return operatingSystemOf(server);
    case Column::IpAddress:
        return primaryIps(server).join(QStringLiteral(", "));
    }
    return {};
}

QVariant SourceServerTableModel::sortData(const SourceServer &server, Column column)
{
    switch (column) {
    case Column::Name:
        return lowerOrAbsent(server.displayName());
    case Column::Alerts:
        return int(ConsoleStatus::alert(server));
    case Column::LifeCycle:
        if (server.lifeCycle && server.lifeCycle->state)
            return lifeCycleOrder(*server.lifeCycle->state);
        return {};
    case Column::DataReplicationStatus:
        if (server.dataReplicationInfo && server.dataReplicationInfo->dataReplicationState)
            return enumOrder(*server.dataReplicationInfo->dataReplicationState);
        return {};
    case Column::ReplicationType:
        if (server.replicationType)
            return enumOrder(*server.replicationType);
        return {};
    case Column::Progress:
        if (const auto progress = ConsoleStatus::replicationProgress(server))
            return *progress;
        return {};
    case Column::Lag:
        if (const auto lag = server.lag())
            return *lag;
        return {};
    case Column::Eta:
        return optionalDate(etaOf(server), false);
    case Column::LastSnapshot:
        return optionalDate(lastSnapshotOf(server), false);
    case Column::LastSeen:
        return optionalDate(lastSeenOf(server), false);
    case Column::NextStep:
        return lowerOrAbsent(ConsoleStatus::nextStep(server));
    case Column::Id:
        return lowerOrAbsent(server.id());
    case Column::OperatingSystem:
        return lowerOrAbsent(operatingSystemOf(server));
    case Column::IpAddress: {
        const auto ips = primaryIps(server);
        return ips.isEmpty() ? QVariant() : QVariant(ipSortKey(ips.first()));
    }
    }
    return {};
}

QVariant SourceServerTableModel::toolTipData(const SourceServer &server, Column column)
{
    if (column != Column::DataReplicationStatus && column != Column::Alerts)
        return {};
    const QString error = replicationErrorText(server);
    return error.isEmpty() ? QVariant() : QVariant(error);
}

QVariant SourceServerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= ColumnCount)
        return {};
    const auto column = Column(section);
    if (role == Qt::TextAlignmentRole)
        return isNumeric(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const bool title = role == Qt::DisplayRole;
    switch (column) {
    case Column::Name:
        return title ? tr("Source server name")
                     : tr("The hostname, else the fully qualified domain name, else the source server ID");
    case Column::Alerts:
        return title ? tr("Alerts") : tr("Launched, lagging (lag or backlog) or stalled");
    case Column::LifeCycle:
        return title ? tr("Migration lifecycle") : tr("Where the server stands in the migration lifecycle");
    case Column::DataReplicationStatus:
        return title ? tr("Data replication status")
                     : tr("State of data replication, with the initial sync or rescan progress, the lag "
                          "or the backlog");
    case Column::ReplicationType:
        return title ? tr("Replication type")
                     : tr("Agent-based or agentless (snapshot shipping) replication");
    case Column::Progress:
        return title ? tr("Progress") : tr("Replicated storage as a share of the total storage of the disks");
    case Column::Lag:
        return title ? tr("Lag") : tr("How far replication is behind the source server (hh:mm:ss)");
    case Column::Eta:
        return title ? tr("ETA") : tr("Estimated completion of data replication (local time)");
    case Column::LastSnapshot:
        return title ? tr("Last snapshot") : tr("When the last snapshot was taken (local time)");
    case Column::LastSeen:
        return title ? tr("Last seen")
                     : tr("When the service last heard from the source server (local time)");
    case Column::NextStep:
        return title ? tr("Next step") : tr("What to do next with this server, as the console suggests");
    case Column::Id:
        return title ? tr("Source server ID") : tr("The ID the service gave this source server");
    case Column::OperatingSystem:
        return title ? tr("Operating system") : tr("The operating system the service detected");
    case Column::IpAddress:
        return title ? tr("IP address") : tr("The IP addresses of the primary network interface");
    }
    return {};
}

const SourceServer *SourceServerTableModel::serverAt(int row) const
{
    if (row < 0 || std::size_t(row) >= m_rows.size())
        return nullptr;
    return m_rows[std::size_t(row)].get();
}

int SourceServerTableModel::rowOf(const QString &id) const
{
    ensureIndex();
    return m_index.value(id);
}

QModelIndex SourceServerTableModel::indexOf(const QString &id, Column column) const
{
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : index(row, int(column));
}

QList<SourceServer> SourceServerTableModel::servers() const
{
    QList<SourceServer> list;
    list.reserve(qsizetype(m_rows.size()));
    for (const auto &server : m_rows)
        list.append(*server);
    return list;
}

SourceServerTableModel::MergeStats SourceServerTableModel::merge(
    const QList<SourceServer> &servers, const QSet<QString> &keep)
{
    return apply(servers, true, keep);
}

SourceServerTableModel::MergeStats SourceServerTableModel::upsert(const QList<SourceServer> &servers)
{
    return apply(servers, false, {});
}

SourceServerTableModel::MergeStats SourceServerTableModel::apply(
    const QList<SourceServer> &servers, bool removeMissing, const QSet<QString> &keep)
{
    MergeStats stats;
    ensureIndex();

    // The row of each item (newItem: a server not in the table, ignored: an
    // earlier occurrence of a new ID), and the last occurrence of each ID,
    // which wins over earlier ones: by row for known servers, so a refresh
    // looks each ID up once and hashes only the new ones, once each.
    constexpr int newItem = -1;
    constexpr int ignored = -2;
    std::vector<int> rowOfItem(std::size_t(servers.size()), newItem);
    // Filled when the first known server is found: a page of new servers
    // into a large table must not cost a pass over all its rows.
    std::vector<qsizetype> lastItemOfRow;
    // Item index + 1 of the last occurrence of each new ID; 0 is "not seen".
    IdIndex lastNewItem;
    lastNewItem.reserve(qMax(qsizetype(0), servers.size() - qsizetype(m_rows.size())));
    // The hash of each item's ID, once computed.
    std::vector<std::size_t> hashOfItem(std::size_t(servers.size()), 0);
    // A refresh lists the servers in the order of the rows, give or take a
    // few: the row after the last one found is tried before the hash, which
    // at 100,000 rows is a cache miss or two per server.
    std::size_t guess = 0;
    for (qsizetype i = 0; i < servers.size(); ++i) {
        const auto &id = servers.at(i).sourceServerID;
        if (!id || id->isEmpty()) {
            rowOfItem[std::size_t(i)] = ignored;
            continue;
        }
        int row = -1;
        std::size_t hash = 0;
        if (guess < m_rows.size() && m_rows[guess]->sourceServerID == id) {
            row = int(guess);
        } else {
            hash = IdIndex::hash(*id);
            hashOfItem[std::size_t(i)] = hash;
            row = m_index.value(hash, *id);
        }
        if (row >= 0) {
            if (lastItemOfRow.empty())
                lastItemOfRow.assign(m_rows.size(), -1);
            rowOfItem[std::size_t(i)] = row;
            lastItemOfRow[std::size_t(row)] = i;
            guess = std::size_t(row) + 1;
        } else {
            int &last = lastNewItem.valueRef(hash, *id, 0);
            if (last > 0)
                rowOfItem[std::size_t(last - 1)] = ignored;
            last = int(i) + 1;
        }
    }

    std::vector<bool> present(removeMissing ? m_rows.size() : 0, false);
    for (const QString &id : keep) {
        const int row = removeMissing ? m_index.value(id) : -1;
        if (row >= 0)
            present[std::size_t(row)] = true;
    }
    QList<int> changedRows;
    QList<qsizetype> newItems;
    for (qsizetype i = 0; i < servers.size(); ++i) {
        const SourceServer &server = servers.at(i);
        const int knownRow = rowOfItem[std::size_t(i)];
        if (knownRow == ignored || (knownRow >= 0 && lastItemOfRow[std::size_t(knownRow)] != i)) {
            ++stats.ignored;
            continue;
        }
        if (knownRow == newItem) {
            newItems.append(i);
            continue;
        }
        const auto row = std::size_t(knownRow);
        if (removeMissing)
            present[row] = true;
        if (*m_rows[row] == server) {
            ++stats.unchanged;
        } else {
            *m_rows[row] = server;
            changedRows.append(int(row));
        }
    }
    stats.updated = int(changedRows.size());
    emitChanged(changedRows);

    if (removeMissing) {
        QList<int> vanished;
        for (std::size_t row = 0; row < present.size(); ++row) {
            if (!present[row])
                vanished.append(int(row));
        }
        stats.removed = int(vanished.size());
        removeBlocks(vanished);
    }

    if (!newItems.isEmpty()) {
        ensureIndex();
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(newItems.size()) - 1);
        // Geometric growth: an exact reserve for every page of a first fill
        // would move all the rows already there once per page.
        const std::size_t needed = m_rows.size() + std::size_t(newItems.size());
        if (needed > m_rows.capacity())
            m_rows.reserve(std::max(needed, 2 * m_rows.capacity()));
        // lastNewItem holds exactly the new IDs: into an empty table it
        // becomes the index, with rows for values, without hashing again.
        const bool adoptIndex = m_index.isEmpty();
        if (!adoptIndex)
            m_index.reserve(m_index.size() + newItems.size());
        for (const qsizetype i : std::as_const(newItems)) {
            const int row = int(m_rows.size());
            if (adoptIndex)
                rowOfItem[std::size_t(i)] = row;
            else
                m_index.insert(hashOfItem[std::size_t(i)], *servers.at(i).sourceServerID, row);
            m_rows.push_back(std::make_unique<SourceServer>(servers.at(i)));
        }
        if (adoptIndex) {
            lastNewItem.transformValues([&rowOfItem](int item) { return rowOfItem[std::size_t(item - 1)]; });
            m_index = std::move(lastNewItem);
        }
        endInsertRows();
        stats.inserted = int(newItems.size());
    }
    return stats;
}

// One dataChanged per contiguous block of rows, over all columns.
void SourceServerTableModel::emitChanged(QList<int> &rows)
{
    std::sort(rows.begin(), rows.end());
    const int lastColumn = ColumnCount - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(rows.at(i), 0), index(rows.at(j), lastColumn));
        i = j + 1;
    }
}

// Back to front, so the rows of the blocks still to remove keep their numbers.
void SourceServerTableModel::removeBlocks(const QList<int> &rows)
{
    for (qsizetype j = rows.size() - 1; j >= 0;) {
        qsizetype i = j;
        while (i > 0 && rows.at(i - 1) == rows.at(i) - 1)
            --i;
        const int first = rows.at(i);
        const int last = rows.at(j);
        beginRemoveRows({}, first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        m_indexStale = true;
        endRemoveRows();
        j = i - 1;
    }
}

int SourceServerTableModel::removeIds(const QStringList &ids)
{
    ensureIndex();
    QList<int> rows;
    rows.reserve(ids.size());
    for (const auto &id : ids) {
        if (const int row = m_index.value(id); row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    removeBlocks(rows);
    return int(rows.size());
}

void SourceServerTableModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_indexStale = false;
    endResetModel();
}

void SourceServerTableModel::ensureIndex() const
{
    if (!m_indexStale)
        return;
    m_index.clear();
    m_index.reserve(qsizetype(m_rows.size()));
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const QString &id = *m_rows[row]->sourceServerID;
        m_index.insert(IdIndex::hash(id), id, int(row));
    }
    m_indexStale = false;
}

int SourceServerTableModel::lifeCycleOrder(const EnumValue<LifeCycleState> &state)
{
    const auto it = std::find(std::begin(lifeCycleSequence), std::end(lifeCycleSequence), state.value());
    if (!state.isKnown() || it == std::end(lifeCycleSequence))
        return int(std::size(lifeCycleSequence));
    return int(it - std::begin(lifeCycleSequence));
}

} // namespace mgn
