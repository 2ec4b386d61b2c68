#include "models/itemmodels/SortKey.h"

#include <QMetaType>

namespace mgn {

SortKey::SortKey(const QVariant &value, const QString &id)
    : m_idAbbreviation(abbreviate(id))
    , m_id(id)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        break;
    case QMetaType::QString:
        m_kind = Kind::Text;
        m_text = value.toString();
        m_textAbbreviation = abbreviate(m_text);
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        m_kind = Kind::Real;
        m_real = value.toDouble();
        break;
    default:
        m_kind = Kind::Integer;
        m_integer = value.toLongLong();
        break;
    }
}

// Byte i of the abbreviation is unit i of the text while the units are below
// 0xff; the first unit that is not ends it with 0xff, and the rest is zero, as
// it is past the end of a shorter text. So a < b between abbreviations means
// a < b between the texts, and only equal abbreviations need the texts.
SortKey::Abbreviation SortKey::abbreviate(const QString &text)
{
    Abbreviation abbreviation {};
    const qsizetype length = qMin(text.size(), qsizetype(16));
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t unit = text.at(i).unicode();
        const quint64 byte = unit < 0xff ? unit : 0xff;
        abbreviation[std::size_t(i / 8)] |= byte << (8 * (7 - i % 8));
        if (byte == 0xff)
            break;
    }
    return abbreviation;
}

int SortKey::compareTexts(const Abbreviation &la, const QString &l, const Abbreviation &ra, const QString &r)
{
    if (la != ra)
        return la < ra ? -1 : 1;
    return l.compare(r);
}

int SortKey::compareValue(const SortKey &other) const
{
    switch (m_kind) {
    case Kind::Absent:
        return 0;
    case Kind::Integer:
        return m_integer < other.m_integer ? -1 : (other.m_integer < m_integer ? 1 : 0);
    case Kind::Real:
        return m_real < other.m_real ? -1 : (other.m_real < m_real ? 1 : 0);
    case Kind::Text:
        return compareTexts(m_textAbbreviation, m_text, other.m_textAbbreviation, other.m_text);
    }
    return 0;
}

int SortKey::compareId(const SortKey &other) const
{
    return compareTexts(m_idAbbreviation, m_id, other.m_idAbbreviation, other.m_id);
}

bool SortKey::operator==(const SortKey &other) const
{
    return m_kind == other.m_kind && m_integer == other.m_integer && m_real == other.m_real
        && m_text == other.m_text && m_id == other.m_id;
}

} // namespace mgn
