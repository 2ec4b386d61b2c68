#include "models/itemmodels/SourceServerFilterProxyModel.h"

#include "models/itemmodels/SourceServerTableModel.h"
#include "models/rules/ConsoleStatus.h"

#include <algorithm>

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
    : QAbstractProxyModel(parent)
{ }

void SourceServerFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    auto *table = qobject_cast<SourceServerTableModel *>(sourceModel);
    if (sourceModel && !table) {
        qWarning("SourceServerFilterProxyModel: the source model must be a SourceServerTableModel");
        return;
    }
    beginResetModel();
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(sourceModel);
    m_table = table;
    if (table) {
        using Model = QAbstractItemModel;
        m_connections = {
            connect(table, &Model::rowsInserted, this, &SourceServerFilterProxyModel::sourceRowsInserted),
            connect(table, &Model::rowsAboutToBeRemoved, this,
                &SourceServerFilterProxyModel::sourceRowsAboutToBeRemoved),
            connect(table, &Model::rowsRemoved, this, &SourceServerFilterProxyModel::sourceRowsRemoved),
            connect(table, &Model::dataChanged, this, &SourceServerFilterProxyModel::sourceDataChanged),
            connect(table, &Model::modelAboutToBeReset, this, &SourceServerFilterProxyModel::beginResetModel),
            connect(table, &Model::modelReset, this,
                [this] {
                    rebuild();
                    endResetModel();
                }),
            connect(table, &Model::layoutAboutToBeChanged, this,
                &SourceServerFilterProxyModel::sourceLayoutAboutToBeChanged),
            connect(table, &Model::layoutChanged, this, &SourceServerFilterProxyModel::sourceLayoutChanged),
            connect(table, &Model::rowsAboutToBeMoved, this,
                &SourceServerFilterProxyModel::sourceLayoutAboutToBeChanged),
            connect(table, &Model::rowsMoved, this, &SourceServerFilterProxyModel::sourceLayoutChanged),
            // Silently, as Qt's own proxies do: the source usually goes with
            // its window, whose slots must not run any more.
            connect(table, &QObject::destroyed, this,
                [this] {
                    m_proxyToSource.clear();
                    m_sourceToProxy.clear();
                    m_keys.clear();
                }),
        };
    }
    rebuild();
    endResetModel();
}

void SourceServerFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilter();
}

void SourceServerFilterProxyModel::setLifeCycleStates(const QList<LifeCycleState> &states)
{
    const quint32 mask = maskOf(states);
    if (mask == m_lifeCycleMask)
        return;
    m_lifeCycleMask = mask;
    refilter();
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
    refilter();
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
    refilter();
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
    refilter();
}

void SourceServerFilterProxyModel::setNeedsAttentionOnly(bool on)
{
    if (on == m_needsAttentionOnly)
        return;
    m_needsAttentionOnly = on;
    refilter();
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
            if (it.key().contains(text, Qt::CaseInsensitive)
                || it.value().contains(text, Qt::CaseInsensitive))
                return true;
        }
    }
    return server.launchedInstance && contains(server.launchedInstance->ec2InstanceID, text);
}

bool SourceServerFilterProxyModel::accepts(int sourceRow) const
{
    const SourceServer *server = m_table ? m_table->serverAt(sourceRow) : nullptr;
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

// Absent values come last and ties go by ID, ascending, in both orders.
bool SourceServerFilterProxyModel::before(int a, int b) const
{
    if (m_sortColumn < 0)
        return a < b;
    const SortKey &l = m_keys[std::size_t(a)];
    const SortKey &r = m_keys[std::size_t(b)];
    if (l.isValid() != r.isValid())
        return l.isValid();
    if (l.isValid()) {
        if (const int order = l.compareValue(r); order != 0)
            return (order < 0) == (m_sortOrder == Qt::AscendingOrder);
    }
    if (const int order = l.compareId(r); order != 0)
        return order < 0;
    return a < b;
}

SortKey SourceServerFilterProxyModel::readKey(int sourceRow) const
{
    return SortKey(m_table->data(m_table->index(sourceRow, m_sortColumn), SourceServerTableModel::SortRole),
        m_table->serverAt(sourceRow)->id());
}

void SourceServerFilterProxyModel::readAllKeys()
{
    m_keys.clear();
    if (m_sortColumn < 0 || !m_table)
        return;
    const int rows = m_table->rowCount();
    m_keys.reserve(std::size_t(rows));
    for (int row = 0; row < rows; ++row)
        m_keys.push_back(readKey(row));
}

// The whole mapping from the source, without a signal.
void SourceServerFilterProxyModel::rebuild()
{
    const int rows = m_table ? m_table->rowCount() : 0;
    if (m_table && (m_sortColumn >= m_table->columnCount()))
        m_sortColumn = -1;
    readAllKeys();
    m_sourceToProxy.assign(std::size_t(rows), -1);
    m_proxyToSource.clear();
    for (int row = 0; row < rows; ++row) {
        if (accepts(row))
            m_proxyToSource.push_back(row);
    }
    std::sort(m_proxyToSource.begin(), m_proxyToSource.end(), [this](int a, int b) { return before(a, b); });
    remapFrom(0);
}

void SourceServerFilterProxyModel::remapFrom(std::size_t proxyRow)
{
    for (std::size_t row = proxyRow; row < m_proxyToSource.size(); ++row)
        m_sourceToProxy[std::size_t(m_proxyToSource[row])] = int(row);
}

// reorder permutes m_proxyToSource; the persistent indexes follow their rows.
template<typename Reorder> void SourceServerFilterProxyModel::changeLayout(Reorder reorder)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(std::size_t(from.size()));
    for (const QModelIndex &index : from)
        sourceRows.push_back(m_proxyToSource[std::size_t(index.row())]);
    reorder();
    remapFrom(0);
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to.append(createIndex(m_sourceToProxy[std::size_t(sourceRows[std::size_t(i)])], from.at(i).column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// sourceRows: accepted and not shown. One insertion at the end, then, unless
// they already belong there, one layout change that merges them into place.
void SourceServerFilterProxyModel::showRows(std::vector<int> sourceRows)
{
    if (sourceRows.empty())
        return;
    const auto less = [this](int a, int b) { return before(a, b); };
    std::sort(sourceRows.begin(), sourceRows.end(), less);
    const std::size_t shown = m_proxyToSource.size();
    beginInsertRows({}, int(shown), int(shown + sourceRows.size()) - 1);
    m_proxyToSource.insert(m_proxyToSource.end(), sourceRows.cbegin(), sourceRows.cend());
    remapFrom(shown);
    endInsertRows();
    if (shown > 0 && before(m_proxyToSource[shown], m_proxyToSource[shown - 1]))
        changeLayout([&] { mergeTail(shown); });
}

// [0, middle) and [middle, end) of m_proxyToSource are each in order. Each row
// of the tail finds its place by binary search, so k rows merged among n cost
// k log n comparisons rather than the n + k of std::inplace_merge (a page of
// 1,000 among 100,000 rows: 17,000 instead of 101,000); then the rows shift
// into place from the back, each moving once.
void SourceServerFilterProxyModel::mergeTail(std::size_t middle)
{
    auto &rows = m_proxyToSource;
    const std::vector<int> tail(rows.cbegin() + qsizetype(middle), rows.cend());
    std::vector<std::size_t> places;
    places.reserve(tail.size());
    auto from = rows.cbegin();
    const auto head = rows.cbegin() + qsizetype(middle);
    for (const int sourceRow : tail) {
        from = std::upper_bound(from, head, sourceRow, [this](int a, int b) { return before(a, b); });
        places.push_back(std::size_t(from - rows.cbegin()));
    }
    // Tail row i ends at places[i] + i; the head rows from places[i] up to
    // the next place move right by i + 1.
    std::size_t end = middle;
    for (std::size_t i = tail.size(); i-- > 0;) {
        const auto place = qsizetype(places[i]);
        std::move_backward(
            rows.begin() + place, rows.begin() + qsizetype(end), rows.begin() + qsizetype(end + i + 1));
        rows[places[i] + i] = tail[i];
        end = places[i];
    }
}

// proxyRows: unique. One removal when they are one block; otherwise one
// layout change that gathers them at the end, in order, and one removal.
void SourceServerFilterProxyModel::hideRows(std::vector<int> proxyRows)
{
    if (proxyRows.empty())
        return;
    std::sort(proxyRows.begin(), proxyRows.end());
    const int count = int(proxyRows.size());
    const int first = proxyRows.front();
    if (proxyRows.back() - first + 1 != count) {
        std::vector<char> leaving(m_sourceToProxy.size(), 0);
        for (const int row : proxyRows)
            leaving[std::size_t(m_proxyToSource[std::size_t(row)])] = 1;
        changeLayout([&] {
            std::stable_partition(m_proxyToSource.begin(), m_proxyToSource.end(),
                [&leaving](int sourceRow) { return !leaving[std::size_t(sourceRow)]; });
        });
        const int shown = int(m_proxyToSource.size());
        beginRemoveRows({}, shown - count, shown - 1);
        for (int row = shown - count; row < shown; ++row)
            m_sourceToProxy[std::size_t(m_proxyToSource[std::size_t(row)])] = -1;
        m_proxyToSource.resize(std::size_t(shown - count));
        endRemoveRows();
        return;
    }
    beginRemoveRows({}, first, first + count - 1);
    for (int row = first; row < first + count; ++row)
        m_sourceToProxy[std::size_t(m_proxyToSource[std::size_t(row)])] = -1;
    m_proxyToSource.erase(m_proxyToSource.begin() + first, m_proxyToSource.begin() + first + count);
    remapFrom(std::size_t(first));
    endRemoveRows();
}

// sourceRows: shown, with a new key. One layout change, unless every one of
// them is still in order with its neighbours.
void SourceServerFilterProxyModel::reposition(const std::vector<int> &sourceRows)
{
    const auto inPlace = [this](int sourceRow) {
        const std::size_t row = std::size_t(m_sourceToProxy[std::size_t(sourceRow)]);
        return (row == 0 || before(m_proxyToSource[row - 1], sourceRow))
            && (row + 1 == m_proxyToSource.size() || before(sourceRow, m_proxyToSource[row + 1]));
    };
    if (std::all_of(sourceRows.cbegin(), sourceRows.cend(), inPlace))
        return;
    std::vector<char> moving(m_sourceToProxy.size(), 0);
    for (const int row : sourceRows)
        moving[std::size_t(row)] = 1;
    changeLayout([&] {
        const auto less = [this](int a, int b) { return before(a, b); };
        const auto middle = std::stable_partition(m_proxyToSource.begin(), m_proxyToSource.end(),
            [&moving](int sourceRow) { return !moving[std::size_t(sourceRow)]; });
        std::sort(middle, m_proxyToSource.end(), less);
        mergeTail(std::size_t(middle - m_proxyToSource.begin()));
    });
}

void SourceServerFilterProxyModel::refilter()
{
    std::vector<int> leaving;
    std::vector<int> arriving;
    for (std::size_t row = 0; row < m_sourceToProxy.size(); ++row) {
        const int proxyRow = m_sourceToProxy[row];
        const bool accepted = accepts(int(row));
        if (proxyRow >= 0 && !accepted)
            leaving.push_back(proxyRow);
        else if (proxyRow < 0 && accepted)
            arriving.push_back(int(row));
    }
    hideRows(std::move(leaving));
    showRows(std::move(arriving));
}

void SourceServerFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (!m_table || column < -1 || column >= m_table->columnCount())
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    changeLayout([&] {
        m_sortColumn = column;
        m_sortOrder = order;
        readAllKeys();
        std::sort(
            m_proxyToSource.begin(), m_proxyToSource.end(), [this](int a, int b) { return before(a, b); });
    });
}

QModelIndex SourceServerFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex SourceServerFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int SourceServerFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int SourceServerFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : m_table->columnCount();
}

bool SourceServerFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_proxyToSource.empty();
}

QVariant SourceServerFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table)
        return {};
    if (orientation == Qt::Horizontal)
        return m_table->headerData(section, orientation, role);
    if (section < 0 || section >= rowCount())
        return {};
    return m_table->headerData(m_proxyToSource[std::size_t(section)], orientation, role);
}

QModelIndex SourceServerFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_table || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= rowCount())
        return {};
    return m_table->index(m_proxyToSource[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex SourceServerFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_table || !sourceIndex.isValid() || sourceIndex.model() != m_table
        || std::size_t(sourceIndex.row()) >= m_sourceToProxy.size())
        return {};
    const int row = m_sourceToProxy[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

void SourceServerFilterProxyModel::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    // Rows appended at the end, as the table adds them, renumber nothing.
    if (std::size_t(first) < m_sourceToProxy.size()) {
        for (int &sourceRow : m_proxyToSource) {
            if (sourceRow >= first)
                sourceRow += count;
        }
    }
    m_sourceToProxy.insert(m_sourceToProxy.begin() + first, std::size_t(count), -1);
    if (m_sortColumn >= 0) {
        m_keys.insert(m_keys.begin() + first, std::size_t(count), SortKey());
        for (int row = first; row <= last; ++row)
            m_keys[std::size_t(row)] = readKey(row);
    }
    std::vector<int> arriving;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            arriving.push_back(row);
    }
    showRows(std::move(arriving));
}

// The proxy rows go while the source still has the items, as views expect.
void SourceServerFilterProxyModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    std::vector<int> leaving;
    for (int row = first; row <= last; ++row) {
        if (const int proxyRow = m_sourceToProxy[std::size_t(row)]; proxyRow >= 0)
            leaving.push_back(proxyRow);
    }
    hideRows(std::move(leaving));
}

void SourceServerFilterProxyModel::sourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    m_sourceToProxy.erase(m_sourceToProxy.begin() + first, m_sourceToProxy.begin() + last + 1);
    if (m_sortColumn >= 0)
        m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
    for (int &sourceRow : m_proxyToSource) {
        if (sourceRow > last)
            sourceRow -= count;
    }
}

// A changed row may leave or enter the filter, or move: those go first, then
// one dataChanged per contiguous block of the proxy rows still shown.
void SourceServerFilterProxyModel::sourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const bool keysChange = m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column();
    std::vector<int> leaving;
    std::vector<int> arriving;
    std::vector<int> moved;
    std::vector<int> stayed;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const auto sourceRow = std::size_t(row);
        bool keyChanged = false;
        if (keysChange) {
            SortKey key = readKey(row);
            keyChanged = key != m_keys[sourceRow];
            m_keys[sourceRow] = std::move(key);
        }
        const bool shown = m_sourceToProxy[sourceRow] >= 0;
        const bool accepted = accepts(row);
        if (shown && !accepted) {
            leaving.push_back(m_sourceToProxy[sourceRow]);
        } else if (!shown && accepted) {
            arriving.push_back(row);
        } else if (shown) {
            stayed.push_back(row);
            if (keyChanged)
                moved.push_back(row);
        }
    }
    hideRows(std::move(leaving));
    reposition(moved);
    showRows(std::move(arriving));

    std::vector<int> rows;
    rows.reserve(stayed.size());
    for (const int row : stayed)
        rows.push_back(m_sourceToProxy[std::size_t(row)]);
    std::sort(rows.begin(), rows.end());
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(rows[i], topLeft.column()), index(rows[j], bottomRight.column()), roles);
        i = j + 1;
    }
}

void SourceServerFilterProxyModel::sourceLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutIndexes = persistentIndexList();
    m_layoutSources.clear();
    for (const QModelIndex &index : std::as_const(m_layoutIndexes))
        m_layoutSources.append(QPersistentModelIndex(mapToSource(index)));
}

void SourceServerFilterProxyModel::sourceLayoutChanged()
{
    rebuild();
    QModelIndexList to;
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSources))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_layoutIndexes, to);
    m_layoutIndexes.clear();
    m_layoutSources.clear();
    Q_EMIT layoutChanged();
}

} // namespace mgn
