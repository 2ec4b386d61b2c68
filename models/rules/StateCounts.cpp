#include "models/rules/StateCounts.h"

#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "models/rules/ConsoleStatus.h"

#include <array>

namespace mgn {

StateCounts StateCounts::of(const SourceServerTableModel &model)
{
    StateCounts counts;
    // Index 0 (Unrecognized) also collects servers without a state; the
    // label comes from the first server seen in each state.
    constexpr std::size_t stateCount = std::size_t(LifeCycleState::PendingInstallation) + 1;
    std::array<int, stateCount> perState {};
    std::array<QString, stateCount> labels;
    const int rows = model.rowCount();
    counts.m_total = rows;
    for (int row = 0; row < rows; ++row) {
        const SourceServer *server = model.serverAt(row);
        if (server->archived()) {
            ++counts.m_archived;
            continue;
        }
        if (SourceServerFilterProxyModel::needsAttention(*server))
            ++counts.m_needsAttention;
        const std::size_t index
            = std::size_t(server->lifeCycleState().value_or(LifeCycleState::Unrecognized));
        if (perState[index]++ == 0)
            labels[index] = ConsoleStatus::lifeCycleLabel(*server);
    }
    for (std::size_t index = 1; index <= stateCount; ++index) {
        const std::size_t i = index % stateCount; // unknown states last
        if (perState[i] > 0)
            counts.m_lifeCycles.append(
                { labels[i].isEmpty() ? tr("Unknown state") : labels[i], perState[i] });
    }
    return counts;
}

QString StateCounts::summary() const
{
    QStringList parts;
    if (m_needsAttention > 0)
        parts << tr("Needing attention %1").arg(m_needsAttention);
    for (const Entry &entry : m_lifeCycles)
        parts << tr("%1 %2").arg(entry.label).arg(entry.count);
    if (m_archived > 0)
        parts << tr("Archived %1").arg(m_archived);
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString StateCounts::details() const
{
    QStringList lines;
    lines << tr("%n source server(s)", nullptr, m_total);
    for (const Entry &entry : m_lifeCycles)
        lines << tr("%1: %2").arg(entry.label).arg(entry.count);
    lines << tr("Archived: %1").arg(m_archived);
    lines << tr("Need attention (stalled, lagging or with an error): %1").arg(m_needsAttention);
    return lines.join(u'\n');
}

} // namespace mgn
