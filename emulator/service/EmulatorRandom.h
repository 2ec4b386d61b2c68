#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace mgn {

// A small deterministic random generator (SplitMix64) for the emulator's
// fleet: eight bytes of state, so every server can carry a stream of its own
// and a saved state resumes exactly. Never the process-wide generator: the
// same seed must give the same fleet and the same simulation.
class EmulatorRandom final
{
public:
    explicit EmulatorRandom(quint64 state = 0)
        : m_state(state)
    { }

    quint64 state() const { return m_state; }
    bool operator==(const EmulatorRandom &) const = default;

    quint64 next();
    // [0, 1)
    double real();
    // [low, high], both included; low when high < low.
    qint64 range(qint64 low, qint64 high);
    bool chance(double probability);
    // Lower-case hexadecimal digits, as in AWS resource IDs.
    QString hex(int digits);

    template<typename T> const T &pick(const QList<T> &list) { return list.at(range(0, list.size() - 1)); }

    // An index drawn with the given weights (non-negative, not all zero).
    qsizetype weighted(const QList<int> &weights);

    // A well-mixed value of (key, index): for seeding a stream from a
    // parent seed, and for noise that is a pure function of time.
    static quint64 mix(quint64 key, quint64 index);
    // mix() as [0, 1).
    static double unit(quint64 key, quint64 index);

private:
    quint64 m_state;
};

} // namespace mgn
