#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace mgn {

// A JSON body parsed as Python's json.loads reads it, into one flat array of
// nodes that point into the text. Unlike JsonTape it keeps every number's
// text: Python keeps an integer of any size exactly and tells 1.0 (a float)
// from 1 (an int), and the AWS CLI prints them so. It also takes what
// json.loads takes and JsonTape refuses (NaN, Infinity, -Infinity, numbers
// out of a double's range), and refuses what the AWS CLI cannot print either
// (invalid UTF-8, a \u escape of a lone surrogate, control characters).
class CliWireTape final
{
public:
    enum class Type : quint8 { Null, False, True, Integer, Float, String, Array, Object };
    enum Flag : quint8 {
        Escaped = 1, // String: holds a backslash escape
        NonAscii = 2, // String: holds bytes from 0x80 up
    };

    struct Node final {
        Type type = Type::Null;
        quint8 flags = 0;
        quint32 next = 0; // one past this node and everything inside it
        quint32 offset = 0; // String: after the quote; Integer, Float: the first character
        quint32 length = 0; // String, Integer, Float: bytes; Array: elements; Object: members
    };

    // Parses `text` into this tape (its nodes' room is reused). False with
    // `error` set when json.loads would refuse it, or it is a text the AWS CLI
    // cannot print.
    bool parse(const QByteArray &text, QString *error);

    const Node &node(quint32 index) const { return m_nodes[index]; }
    // The bytes a String, Integer or Float node stands for (a string without
    // its quotes, escapes as written).
    QByteArrayView text(quint32 index) const
    {
        const Node &n = m_nodes[index];
        return QByteArrayView(m_text.constData() + n.offset, n.length);
    }
    // A String node's text with its escapes resolved, as UTF-8.
    QByteArray string(quint32 index) const;

    // Objects: the node of the first member's name (its value is the node
    // after it); Arrays: the first element. Then next() of a value goes on.
    static constexpr quint32 firstChild(quint32 index) { return index + 1; }
    quint32 next(quint32 index) const { return m_nodes[index].next; }

    // The last member of an object named `name` (escapes resolved), or 0
    // (the root is never a member).
    quint32 member(quint32 object, QByteArrayView name) const;
    // Whether a String node reads `name` once its escapes are resolved.
    bool stringEquals(quint32 index, QByteArrayView name) const;

private:
    // The parser's steps; each moves m_cursor past what it read, false with
    // m_error set on a fault.
    bool parseValue(int depth);
    bool parseString();
    bool parseNumber();
    bool parseLiteral(const char *word, qsizetype size, Type type, quint32 offset);
    bool fail(const QString &what);
    void skipSpace();

    QByteArray m_text;
    std::vector<Node> m_nodes;
    const char *m_cursor = nullptr;
    const char *m_end = nullptr;
    QString m_error;
};

} // namespace mgn
