#pragma once

#include <QString>
#include <QVariant>

#include <array>

namespace mgn {

// One row's sort key as SourceServerFilterProxyModel keeps it: the table's
// SortRole value and the server ID that breaks ties, flattened so that a
// comparison reads neither a QVariant nor the row. Texts carry an abbreviated
// key, their first 16 UTF-16 units packed into two integers, which decides
// most comparisons without following the string to its characters: at
// 100,000 rows those are cache misses.
//
// The values of one column are all of one kind (a number or a text); an
// absent value is neither, and compare() leaves it to the caller.
class SortKey final
{
public:
    SortKey() = default;
    SortKey(const QVariant &value, const QString &id);

    bool isValid() const { return m_kind != Kind::Absent; }
    // Negative, zero or positive as this value is before, equal to or after
    // the other's; values that do not compare (NaN) are equal.
    int compareValue(const SortKey &other) const;
    int compareId(const SortKey &other) const;

    bool operator==(const SortKey &other) const;

private:
    enum class Kind : quint8 { Absent, Integer, Real, Text };
    using Abbreviation = std::array<quint64, 2>;

    static Abbreviation abbreviate(const QString &text);
    static int compareTexts(
        const Abbreviation &la, const QString &l, const Abbreviation &ra, const QString &r);

    Kind m_kind = Kind::Absent;
    qint64 m_integer = 0;
    double m_real = 0;
    Abbreviation m_textAbbreviation {};
    QString m_text;
    Abbreviation m_idAbbreviation {};
    QString m_id;
};

} // namespace mgn
