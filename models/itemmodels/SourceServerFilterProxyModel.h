#pragma once

#include "models/domain/MgnEnums.h"
#include "models/itemmodels/SortKey.h"
#include "models/itemmodels/SourceServerTableModel.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QString>
#include <QVariant>

#include <vector>

namespace mgn {

// Sorts and filters a SourceServerTableModel (DESIGN.md, "Data flow" 4); it
// accepts no other source model.
//
// Sorting uses SourceServerTableModel::SortRole: values compare raw, an absent
// value comes after every present one in both orders, and ties are broken by
// the source server ID, ascending in both orders, so the order is total.
//
// Filters combine with AND. A state filter is a set of values; an empty set
// does not filter. Put Unrecognized in a set to match a value this build does
// not know and an absent one alike ("other"). Each setter re-filters only when
// the value really changes.
//
// Not a QSortFilterProxyModel: that one puts each contiguous run of new rows in
// its sorted place on its own, and rebuilds its whole mapping after each run,
// so a page of 1,000 servers landing among 100,000 sorted rows costs up to
// 1,000 passes over them. Here rows that appear (a page, a changed filter) are
// appended in one insertion and then merged into place in one layout change
// (by binary search, so a page costs k log n comparisons, not n);
// rows that leave are gathered at the end in one layout change and removed in
// one removal (or removed directly when they are one block). Sort keys are
// read once per row and kept by source row, so a sort is a sort of keys. The
// order is always complete: the proxy never shows a row out of place.
class SourceServerFilterProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceServerFilterProxyModel)

public:
    // Like the console: active servers by default, archived ones on request.
    enum class ArchivedView { Active, Archived, All };
    Q_ENUM(ArchivedView)

    explicit SourceServerFilterProxyModel(QObject *parent = nullptr);

    // Only a SourceServerTableModel (or nullptr) is accepted; anything else
    // is refused with a warning and leaves the proxy as it was.
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    SourceServerTableModel *sourceServerModel() const { return m_table; }

    // Case-insensitive substring of the hostname, FQDN, ID, a tag key or
    // value, an IP of any network interface, the VM path, the OS or the
    // launched EC2 instance ID. Surrounding whitespace is ignored.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    void setLifeCycleStates(const QList<LifeCycleState> &states);
    QList<LifeCycleState> lifeCycleStates() const;
    void setReplicationStates(const QList<DataReplicationState> &states);
    QList<DataReplicationState> replicationStates() const;
    void setReplicationTypes(const QList<ReplicationType> &types);
    QList<ReplicationType> replicationTypes() const;

    void setArchivedView(ArchivedView view);
    ArchivedView archivedView() const { return m_archivedView; }

    // Only servers whose alert is Lagging or Stalled, or that report a data
    // replication error.
    void setNeedsAttentionOnly(bool on);
    bool needsAttentionOnly() const { return m_needsAttentionOnly; }

    // Column -1 (or one out of range): the source's order. Sorting by the
    // current column and order again does nothing, as the keys are kept up to
    // date as rows change.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    static bool needsAttention(const SourceServer &server);
    // Whether server matches text, which must be trimmed and non-empty.
    static bool matchesText(const SourceServer &server, const QString &text);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    bool accepts(int sourceRow) const;
    // Whether source row a is shown above source row b.
    bool before(int a, int b) const;
    SortKey readKey(int sourceRow) const;
    void readAllKeys();
    void rebuild();
    void remapFrom(std::size_t proxyRow);
    template<typename Reorder> void changeLayout(Reorder reorder);
    void mergeTail(std::size_t middle);
    void showRows(std::vector<int> sourceRows);
    void hideRows(std::vector<int> proxyRows);
    void reposition(const std::vector<int> &sourceRows);
    void refilter();

    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void sourceDataChanged(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void sourceLayoutAboutToBeChanged();
    void sourceLayoutChanged();

    QPointer<SourceServerTableModel> m_table;
    QList<QMetaObject::Connection> m_connections;
    std::vector<int> m_proxyToSource;
    // -1: the source row is filtered out.
    std::vector<int> m_sourceToProxy;
    // The sort key of each source row; empty when m_sortColumn is -1.
    std::vector<SortKey> m_keys;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    // Across a layout change of the source: the persistent indexes and the
    // source items they stood for.
    QModelIndexList m_layoutIndexes;
    QList<QPersistentModelIndex> m_layoutSources;
    QString m_text;
    // Bit n set: enumerator n accepted; 0: no filter.
    quint32 m_lifeCycleMask = 0;
    quint32 m_replicationMask = 0;
    quint32 m_typeMask = 0;
    ArchivedView m_archivedView = ArchivedView::Active;
    bool m_needsAttentionOnly = false;
};

} // namespace mgn
