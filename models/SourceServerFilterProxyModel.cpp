#include "SourceServerFilterProxyModel.h"

#include "ConsoleStatus.h"
#include "SourceServerTableModel.h"

namespace mgn {

namespace {

template<typename E> constexpr bool fitsMask = EnumTraits<E>::wireNames.size() < 32;
static_assert(fitsMask<LifeCycleState> && fitsMask<DataReplicationState> && fitsMask<ReplicationType>,
    "a filter mask has one bit per enumerator");

template<typename E> quint32 maskOf(const QList<E> &values)
{
    quint32 mask = 0;
    for (const E value : values)
        mask |= quint32(1) << int(value);
    return mask;
}

template<typename E> QList<E> valuesOf(quint32 mask)
{
    QList<E> values;
    for (int bit = 0; bit <= int(EnumTraits<E>::wireNames.size()); ++bit) {
        if (mask & (quint32(1) << bit))
            values.append(E(bit));
    }
    return values;
}

// An absent value has the bit of Unrecognized, as an unknown one.
template<typename E> bool inMask(quint32 mask, const std::optional<EnumValue<E>> &value)
{
    if (mask == 0)
        return true;
    const int bit = value ? int(value->value()) : 0;
    return (mask & (quint32(1) << bit)) != 0;
}

bool contains(const std::optional<QString> &haystack, const QString &needle)
{
    return haystack && haystack->contains(needle, Qt::CaseInsensitive);
}

bool matchesSourceProperties(const SourceProperties &properties, const QString &text)
{
    if (const auto &hints = properties.identificationHints) {
        if (contains(hints->hostname, text) || contains(hints->fqdn, text) || contains(hints->vmPath, text))
            return true;
    }
    if (properties.os && contains(properties.os->fullString, text))
        return true;
    if (properties.networkInterfaces) {
        for (const auto &nic : *properties.networkInterfaces) {
            if (!nic.ips)
                continue;
            for (const auto &ip : *nic.ips) {
                if (ip.contains(text, Qt::CaseInsensitive))
                    return true;
            }
        }
    }
    return false;
}

} // namespace

SourceServerFilterProxyModel::SourceServerFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SourceServerTableModel::SortRole);
    setDynamicSortFilter(true);
}

void SourceServerFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    auto *table = qobject_cast<SourceServerTableModel *>(sourceModel);
    if (sourceModel && !table) {
        qWarning("SourceServerFilterProxyModel: the source model must be a SourceServerTableModel");
        return;
    }
    m_table = table;
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void SourceServerFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void SourceServerFilterProxyModel::setLifeCycleStates(const QList<LifeCycleState> &states)
{
    const quint32 mask = maskOf(states);
    if (mask == m_lifeCycleMask)
        return;
    m_lifeCycleMask = mask;
    invalidateFilter();
}

QList<LifeCycleState> SourceServerFilterProxyModel::lifeCycleStates() const
{
    return valuesOf<LifeCycleState>(m_lifeCycleMask);
}

void SourceServerFilterProxyModel::setReplicationStates(const QList<DataReplicationState> &states)
{
    const quint32 mask = maskOf(states);
    if (mask == m_replicationMask)
        return;
    m_replicationMask = mask;
    invalidateFilter();
}

QList<DataReplicationState> SourceServerFilterProxyModel::replicationStates() const
{
    return valuesOf<DataReplicationState>(m_replicationMask);
}

void SourceServerFilterProxyModel::setReplicationTypes(const QList<ReplicationType> &types)
{
    const quint32 mask = maskOf(types);
    if (mask == m_typeMask)
        return;
    m_typeMask = mask;
    invalidateFilter();
}

QList<ReplicationType> SourceServerFilterProxyModel::replicationTypes() const
{
    return valuesOf<ReplicationType>(m_typeMask);
}

void SourceServerFilterProxyModel::setArchivedView(ArchivedView view)
{
    if (view == m_archivedView)
        return;
    m_archivedView = view;
    invalidateFilter();
}

void SourceServerFilterProxyModel::setNeedsAttentionOnly(bool on)
{
    if (on == m_needsAttentionOnly)
        return;
    m_needsAttentionOnly = on;
    invalidateFilter();
}

bool SourceServerFilterProxyModel::needsAttention(const SourceServer &server)
{
    const auto alert = ConsoleStatus::alert(server);
    if (alert == ConsoleStatus::Alert::Lagging || alert == ConsoleStatus::Alert::Stalled)
        return true;
    if (!server.dataReplicationInfo || !server.dataReplicationInfo->dataReplicationError)
        return false;
    const auto &error = *server.dataReplicationInfo->dataReplicationError;
    return error.error.has_value() || !error.rawError.value_or(QString()).isEmpty();
}

bool SourceServerFilterProxyModel::matchesText(const SourceServer &server, const QString &text)
{
    if (contains(server.sourceServerID, text))
        return true;
    if (server.sourceProperties && matchesSourceProperties(*server.sourceProperties, text))
        return true;
    if (server.tags) {
        for (auto it = server.tags->cbegin(); it != server.tags->cend(); ++it) {
            if (it.key().contains(text, Qt::CaseInsensitive) || it.value().contains(text, Qt::CaseInsensitive))
                return true;
        }
    }
    return server.launchedInstance && contains(server.launchedInstance->ec2InstanceID, text);
}

bool SourceServerFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_table)
        return false;
    const SourceServer *server = m_table->serverAt(sourceRow);
    if (!server)
        return false;
    switch (m_archivedView) {
    case ArchivedView::Active:
        if (server->archived())
            return false;
        break;
    case ArchivedView::Archived:
        if (!server->archived())
            return false;
        break;
    case ArchivedView::All:
        break;
    }
    if (!inMask(m_lifeCycleMask, server->lifeCycle ? server->lifeCycle->state : std::nullopt))
        return false;
    if (!inMask(m_replicationMask,
            server->dataReplicationInfo ? server->dataReplicationInfo->dataReplicationState : std::nullopt))
        return false;
    if (!inMask(m_typeMask, server->replicationType))
        return false;
    if (m_needsAttentionOnly && !needsAttention(*server))
        return false;
    return m_text.isEmpty() || matchesText(*server, m_text);
}

void SourceServerFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    // QSortFilterProxyModel::sort does nothing when the order is already this one.
    const bool unchanged = dynamicSortFilter() && column == sortColumn() && order == sortOrder();
    if (m_table && !unchanged && column >= 0 && column < m_table->columnCount()) {
        const int rows = m_table->rowCount();
        m_sortKeys.resize(std::size_t(rows));
        for (int row = 0; row < rows; ++row)
            m_sortKeys[std::size_t(row)] = m_table->data(m_table->index(row, column), sortRole());
        m_sortKeysColumn = column;
    }
    QSortFilterProxyModel::sort(column, order);
    m_sortKeys = {};
    m_sortKeysColumn = -1;
}

bool SourceServerFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const bool cached = left.column() == m_sortKeysColumn && right.column() == m_sortKeysColumn
        && std::size_t(left.row()) < m_sortKeys.size() && std::size_t(right.row()) < m_sortKeys.size();
    const QVariant l = cached ? m_sortKeys[std::size_t(left.row())] : sourceModel()->data(left, sortRole());
    const QVariant r = cached ? m_sortKeys[std::size_t(right.row())] : sourceModel()->data(right, sortRole());
    // The proxy reverses lessThan for a descending sort; undo that for the
    // absent values and the tie-break, which keep their place in both orders.
    if (l.isValid() != r.isValid())
        return ascending ? l.isValid() : !l.isValid();
    if (l.isValid()) {
        const auto order = QVariant::compare(l, r);
        if (order == QPartialOrdering::Less)
            return true;
        if (order == QPartialOrdering::Greater)
            return false;
    }
    const SourceServer *a = m_table ? m_table->serverAt(left.row()) : nullptr;
    const SourceServer *b = m_table ? m_table->serverAt(right.row()) : nullptr;
    if (!a || !b)
        return false;
    return ascending ? a->id() < b->id() : b->id() < a->id();
}

} // namespace mgn
