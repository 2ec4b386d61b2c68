#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringView>

namespace mgn {

// Specialised for each enumeration by the generated MgnEnums.h: shapeName and
// wireNames, where wireNames[i] is the wire spelling of enumerator i + 1
// (enumerator 0 is always Unrecognized).
template<typename E> struct EnumTraits;

// An enumeration value as it came over the wire. A value this build does not
// know is kept verbatim (the service adds values over time), so it can be shown
// and sent back unchanged instead of being dropped or guessed.
template<typename E> class EnumValue final
{
public:
    constexpr EnumValue() = default;
    constexpr EnumValue(E value) // NOLINT(google-explicit-constructor): a known value is an EnumValue
        : m_value(value)
    { }

    static EnumValue fromWire(QStringView wire)
    {
        const auto &names = EnumTraits<E>::wireNames;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (wire == names[i])
                return EnumValue(static_cast<E>(i + 1));
        }
        EnumValue unknown;
        unknown.m_raw = wire.toString();
        return unknown;
    }

    static QLatin1String wireName(E value)
    {
        const auto index = static_cast<std::size_t>(value);
        if (index == 0 || index > EnumTraits<E>::wireNames.size())
            return {};
        return EnumTraits<E>::wireNames[index - 1];
    }

    constexpr E value() const { return m_value; }
    constexpr bool isKnown() const { return m_value != E::Unrecognized; }
    // The raw text of a value this build does not know; empty for known values.
    const QString &unknownText() const { return m_raw; }

    QString toWire() const { return isKnown() ? QString(wireName(m_value)) : m_raw; }

    bool operator==(const EnumValue &other) const = default;
    constexpr bool operator==(E other) const { return m_value == other; }

private:
    E m_value = E::Unrecognized;
    QString m_raw;
};

} // namespace mgn
