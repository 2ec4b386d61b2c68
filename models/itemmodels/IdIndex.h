#pragma once

#include <QString>
#include <QStringView>

#include <cstddef>
#include <vector>

namespace mgn {

// The table model's server ID -> int map: open addressing over one array of
// slots, each holding its ID's hash code, so that a probe meeting another ID
// compares two integers. Qt 6's QHash keeps no hash codes and compares the
// strings: at 100,000 IDs, a cache miss on the other ID's characters per
// probe, for every new ID a page brings.
//
// The caller computes an ID's hash() once and gives it with the ID to every
// call. IDs are never removed one by one: the model rebuilds its index.
class IdIndex final
{
public:
    static std::size_t hash(QStringView id);

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear();
    void reserve(qsizetype count);

    // The value of id, or -1 when it is absent.
    int value(QStringView id) const { return value(hash(id), id); }
    int value(std::size_t hash, QStringView id) const;
    // The value of id, inserted first as `initial` when id is absent. The
    // reference holds until the next insertion.
    int &valueRef(std::size_t hash, const QString &id, int initial);
    void insert(std::size_t hash, const QString &id, int value) { valueRef(hash, id, value) = value; }

    // Replaces every value v by f(v).
    template<typename F> void transformValues(F f)
    {
        for (Slot &slot : m_slots) {
            if (slot.used)
                slot.value = f(slot.value);
        }
    }

private:
    struct Slot final {
        std::size_t hash = 0;
        QString id;
        int value = 0;
        bool used = false;
    };

    // The slot of id, or the free slot where it belongs.
    std::size_t find(std::size_t hash, QStringView id) const;
    void rehash(std::size_t capacity);

    std::vector<Slot> m_slots; // a power of two of them, at most half used
    qsizetype m_size = 0;
};

} // namespace mgn
