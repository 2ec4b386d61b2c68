#pragma once

#include "models/domain/MgnEnums.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mgn {

class SourceServerTableModel;

// How many of the account's servers are in each lifecycle state, how many are
// archived and how many need attention: the status bar's summary of the fleet.
class StateCounts final
{
    Q_DECLARE_TR_FUNCTIONS(mgn::StateCounts)

public:
    struct Entry final {
        QString label; // the console's wording of the lifecycle state
        int count = 0;
        bool operator==(const Entry &) const = default;
    };

    static StateCounts of(const SourceServerTableModel &model);

    int total() const { return m_total; }
    int archived() const { return m_archived; }
    // Active (not archived) servers the "needs attention" filter shows.
    int needsAttention() const { return m_needsAttention; }
    // Active servers per lifecycle state, in lifecycle order, states with none left out.
    const QList<Entry> &lifeCycles() const { return m_lifeCycles; }

    // "Needing attention 3 · Ready for testing 12 · Testing 4 · ..." for the status bar.
    QString summary() const;
    // One line per state, for the summary's tooltip.
    QString details() const;

private:
    int m_total = 0;
    int m_archived = 0;
    int m_needsAttention = 0;
    QList<Entry> m_lifeCycles;
};

} // namespace mgn
