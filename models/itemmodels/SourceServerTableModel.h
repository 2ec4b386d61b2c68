#pragma once

#include "models/domain/SourceServer.h"
#include "models/itemmodels/IdIndex.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace mgn {

// The source servers of one account and region, one row each, kept up to date
// incrementally (DESIGN.md, "Data flow" 3): merge() diffs a full snapshot by
// sourceServerID, upsert() applies a partial one. Rows are never reset on a
// refresh, so selections, persistent indexes and the proxy's sort survive.
//
// Display strings are derived in data() on every call; nothing formatted is
// stored. SortRole carries the raw value of a cell: QString (lowercase for
// names and texts), qint64 (dates in ms since the epoch, lag in ms), double
// (progress 0..1) or int (an order); an absent value is an invalid QVariant,
// which SourceServerFilterProxyModel sorts after every present one.
class SourceServerTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceServerTableModel)

public:
    enum class Column : int {
        Name, // hostname, else FQDN, else ID; sort: lowercase
        Alerts, // sort: ConsoleStatus::Alert (None < Launched < Lagging < Stalled)
        LifeCycle, // sort: position in the migration sequence, see lifeCycleOrder()
        DataReplicationStatus, // sort: DataReplicationState ordinal
        ReplicationType, // sort: ReplicationType ordinal
        Progress, // replicated / total bytes; sort: double 0..1
        Lag, // hh:mm:ss; sort: ms
        Eta, // sort: ms since the epoch, as are the other dates
        LastSnapshot,
        LastSeen,
        NextStep, // sort: lowercase text
        Id,
        OperatingSystem, // sort: lowercase
        IpAddress, // IPs of the primary NIC; sort: the first, IPv4 numerically
    };
    Q_ENUM(Column)
    static constexpr int ColumnCount = int(Column::IpAddress) + 1;

    enum Role {
        SortRole = Qt::UserRole + 1,
        ServerIdRole, // QString, every column
        HealthRole, // int(ConsoleStatus::Health), every column
        AlertRole, // int(ConsoleStatus::Alert), every column
    };
    Q_ENUM(Role)

    // What a merge or an upsert did with its input. Every input item is
    // counted exactly once in inserted, updated, unchanged or ignored.
    struct MergeStats final {
        int inserted = 0;
        int updated = 0;
        int removed = 0; // rows dropped because they are not in the snapshot
        int unchanged = 0;
        int ignored = 0; // no sourceServerID, or superseded by a later duplicate

        bool operator==(const MergeStats &) const = default;
    };

    explicit SourceServerTableModel(QObject *parent = nullptr);
    ~SourceServerTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // nullptr when row is out of range. Valid until the next mutation.
    const SourceServer *serverAt(int row) const;
    // -1 when no row holds this ID.
    int rowOf(const QString &id) const;
    QModelIndex indexOf(const QString &id, Column column = Column::Name) const;
    // A copy of all servers in row order (O(n)).
    QList<SourceServer> servers() const;

    // A full snapshot: rows whose ID is not in servers are removed, in
    // contiguous blocks from the back; changed rows are updated in place, with
    // one dataChanged per contiguous block of changed rows; new servers are
    // appended with one insertion, in input order. Never resets the model.
    // Servers without an ID are ignored; when an ID occurs more than once,
    // the last occurrence wins and the earlier ones count as ignored. Rows
    // whose ID is in `keep` stay as they are although absent (servers the
    // service listed but whose data could not be read this time).
    MergeStats merge(const QList<SourceServer> &servers, const QSet<QString> &keep = {});
    // As merge(), but a partial snapshot: no row is ever removed. For pages
    // arriving one by one and for the answer to a single action.
    MergeStats upsert(const QList<SourceServer> &servers);
    // Removes the rows of these IDs, one removal per contiguous block, back to
    // front; unknown IDs are skipped. Returns the number of rows removed.
    int removeIds(const QStringList &ids);
    // The only reset: drops every row (e.g. on a change of account or region).
    // Emits nothing when the model is already empty.
    void clear();

    // Rank of a lifecycle state in the migration sequence: Discovered,
    // Pending installation, Stopped, Not ready, Ready for testing, Testing,
    // Ready for cutover, Cutting over, Cutover, Disconnected; an unrecognized
    // state ranks after all of them.
    static int lifeCycleOrder(const EnumValue<LifeCycleState> &state);

private:
    MergeStats apply(const QList<SourceServer> &servers, bool removeMissing, const QSet<QString> &keep);
    void emitChanged(QList<int> &rows);
    // rows ascending and unique.
    void removeBlocks(const QList<int> &rows);
    void ensureIndex() const;

    static QVariant displayData(const SourceServer &server, Column column);
    static QVariant sortData(const SourceServer &server, Column column);
    static QVariant toolTipData(const SourceServer &server, Column column);

    // One allocation per server, so removing a block in the middle moves
    // pointers, not servers.
    std::vector<std::unique_ptr<SourceServer>> m_rows;
    // ID -> row. Removing a block makes it stale; it is rebuilt on next use,
    // so a merge rebuilds it once however many blocks it removes.
    mutable IdIndex m_index;
    mutable bool m_indexStale = false;
};

} // namespace mgn
