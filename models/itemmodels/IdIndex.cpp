#include "models/itemmodels/IdIndex.h"

#include <QHash>
#include <QHashFunctions>

#include <utility>

namespace mgn {

std::size_t IdIndex::hash(QStringView id)
{
    return qHash(id, QHashSeed::globalSeed());
}

void IdIndex::clear()
{
    m_slots.clear();
    m_size = 0;
}

void IdIndex::reserve(qsizetype count)
{
    std::size_t capacity = 16;
    while (capacity < 2 * std::size_t(qMax(count, qsizetype(0))))
        capacity *= 2;
    if (capacity > m_slots.size())
        rehash(capacity);
}

std::size_t IdIndex::find(std::size_t hash, QStringView id) const
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].used && (m_slots[i].hash != hash || m_slots[i].id != id))
        i = (i + 1) & mask;
    return i;
}

int IdIndex::value(std::size_t hash, QStringView id) const
{
    if (m_slots.empty())
        return -1;
    const Slot &slot = m_slots[find(hash, id)];
    return slot.used ? slot.value : -1;
}

int &IdIndex::valueRef(std::size_t hash, const QString &id, int initial)
{
    if (2 * std::size_t(m_size + 1) > m_slots.size())
        rehash(qMax(std::size_t(16), 2 * m_slots.size()));
    Slot &slot = m_slots[find(hash, id)];
    if (!slot.used) {
        slot = Slot { hash, id, initial, true };
        ++m_size;
    }
    return slot.value;
}

void IdIndex::rehash(std::size_t capacity)
{
    std::vector<Slot> old(capacity);
    std::swap(old, m_slots);
    for (Slot &slot : old) {
        if (slot.used)
            m_slots[find(slot.hash, slot.id)] = std::move(slot);
    }
}

} // namespace mgn
