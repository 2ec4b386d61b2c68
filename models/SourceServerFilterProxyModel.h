#pragma once

#include "MgnEnums.h"
#include "SourceServerTableModel.h"

#include <QList>
#include <QPointer>
#include <QSortFilterProxyModel>
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
class SourceServerFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

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

    // Reads the sort key of every row once, rather than twice per comparison
    // (a sort of 10,000 rows makes some 250,000 comparisons, and keys such as
    // the next step or the IP address are derived on each read).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool needsAttention(const SourceServer &server);
    // Whether server matches text, which must be trimmed and non-empty.
    static bool matchesText(const SourceServer &server, const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPointer<SourceServerTableModel> m_table;
    QString m_text;
    // Bit n set: enumerator n accepted; 0: no filter.
    quint32 m_lifeCycleMask = 0;
    quint32 m_replicationMask = 0;
    quint32 m_typeMask = 0;
    ArchivedView m_archivedView = ArchivedView::Active;
    bool m_needsAttentionOnly = false;
    // The keys of m_sortKeysColumn by source row, during sort() only.
    std::vector<QVariant> m_sortKeys;
    int m_sortKeysColumn = -1;
};

} // namespace mgn
