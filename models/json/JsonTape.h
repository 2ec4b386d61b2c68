#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <optional>
#include <vector>

namespace mgn {

// A JSON text parsed into one flat array of nodes in document order, its
// strings unescaped into one buffer: no allocation per value, where
// QJsonDocument::fromJson builds a container per object. simdjson's DOM
// parser (one per thread, reused) validates and parses the text; its tree is
// then copied into the nodes. docs/PERFORMANCE.md ("JSON engine") has the
// figures that chose it over the hand-written parser this class had.
//
// It accepts strict RFC 8259 JSON with an object at the top level, and is
// stricter than QJsonDocument on purpose. Besides what is not JSON, parse()
// refuses: a byte order mark; control characters, invalid UTF-8 and \u
// escapes of unpaired surrogates in strings; escapes JSON does not define;
// numbers outside a double's range, or that underflow to a subnormal or
// zero; integers written without a fraction or an exponent outside
// [-2^63, 2^64) (simdjson's limit; QJsonDocument reads them as doubles);
// nesting deeper than 256. Whatever it accepts, QJsonDocument accepts with
// the same values (the fuzz target fuzz_json_tape checks it), so a caller
// hands what it refuses to QJsonDocument, which takes some of it and
// explains the rest.
//
// Objects keep their members in document order, duplicates included:
// member() answers the last one of a name, as QJsonObject does.
class JsonTape final
{
public:
    enum class Type : quint8 { Null, Bool, Number, String, Array, Object };

    // Room for the text of a string without a heap allocation.
    using StringBuffer = QVarLengthArray<char16_t, 64>;

    // One value of the tape, valid as long as the tape is. A default Value
    // is not valid (an absent member).
    class Value final
    {
    public:
        Value() = default;

        bool isValid() const { return m_tape != nullptr; }
        Type type() const;
        bool isNull() const { return type() == Type::Null; }

        bool toBool() const;
        // A whole number in qint64's range is kept as one, however it is
        // written (1.0, 1e2), as QJsonDocument does; any other as a double.
        bool isInteger() const;
        qint64 toInteger() const; // isInteger() only
        double toDouble() const;

        QString toString() const;
        // The string's text in `buffer` (or the tape), without a QString.
        QStringView toStringView(StringBuffer &buffer) const;
        // For a member name: whether it is exactly `key` (after escapes).
        bool equals(QLatin1StringView key) const;

        // Elements of an array, members of an object.
        qsizetype size() const;
        // The first element of an array, the first member's name of an
        // object; next() then walks the siblings: element to element, or
        // name to value to the next name. Invalid past the last.
        Value firstChild() const;
        Value next() const;

        // The last member of that name, or an invalid Value.
        Value member(QLatin1StringView key) const;

    private:
        friend class JsonTape;
        Value(const JsonTape *tape, quint32 index, quint32 end)
            : m_tape(tape)
            , m_index(index)
            , m_end(end)
        { }

        const JsonTape *m_tape = nullptr;
        quint32 m_index = 0;
        quint32 m_end = 0; // one past the enclosing container's last node
    };

    // nullopt when the text is refused (see above).
    static std::optional<JsonTape> parse(const QByteArray &text);

    // The top-level object.
    Value root() const { return Value(this, 0, quint32(m_nodes.size())); }

private:
    friend class JsonTapeParser;

    enum Flag : quint8 {
        BoolTrue = 1,
        Integer = 1,
        NonAscii = 1, // String: UTF-8 beyond ASCII
    };

    struct Node final {
        Type type = Type::Null;
        quint8 flags = 0;
        quint32 next = 0; // index one past this node and everything inside it
        union {
            struct {
                quint32 offset;
                quint32 length;
            } text; // String: its unescaped UTF-8 in m_text
            qint64 integer;
            double real;
            quint32 count; // Array: elements; Object: members
        } u = {};
    };

    const Node &node(quint32 index) const { return m_nodes[index]; }

    QByteArray m_text; // every string's unescaped UTF-8, one after the other
    std::vector<Node> m_nodes;
};

} // namespace mgn
