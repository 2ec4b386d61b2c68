#include "emulator/service/EmulatorRandom.h"

namespace mgn {

namespace {

quint64 splitmix(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr quint64 golden = 0x9e3779b97f4a7c15ULL;

double toUnit(quint64 value)
{
    return static_cast<double>(value >> 11) * 0x1.0p-53;
}

} // namespace

quint64 EmulatorRandom::next()
{
    m_state += golden;
    return splitmix(m_state);
}

double EmulatorRandom::real()
{
    return toUnit(next());
}

qint64 EmulatorRandom::range(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    const quint64 span = static_cast<quint64>(high - low) + 1;
    return low + static_cast<qint64>(next() % span);
}

bool EmulatorRandom::chance(double probability)
{
    return real() < probability;
}

QString EmulatorRandom::hex(int digits)
{
    static constexpr char16_t alphabet[] = u"0123456789abcdef";
    QString text(digits, Qt::Uninitialized);
    for (int i = 0; i < digits; ++i)
        text[i] = QChar(alphabet[next() & 0xf]);
    return text;
}

qsizetype EmulatorRandom::weighted(const QList<int> &weights)
{
    qint64 total = 0;
    for (const int weight : weights)
        total += weight;
    qint64 draw = range(0, total - 1);
    for (qsizetype i = 0; i < weights.size(); ++i) {
        if (draw < weights.at(i))
            return i;
        draw -= weights.at(i);
    }
    return weights.size() - 1;
}

quint64 EmulatorRandom::mix(quint64 key, quint64 index)
{
    return splitmix(splitmix(key + golden) ^ (index * golden + 0x632be59bd9b4e019ULL));
}

double EmulatorRandom::unit(quint64 key, quint64 index)
{
    return toUnit(mix(key, index));
}

} // namespace mgn
