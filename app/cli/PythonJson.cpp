#include "app/cli/PythonJson.h"

#include <QLocale>
#include <QString>

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

void writeString(QByteArray &out, const QString &text, bool ensureAscii)
{
    out += '"';
    const char hex[] = "0123456789abcdef";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            continue;
        case u'\\':
            out += "\\\\";
            continue;
        case u'\n':
            out += "\\n";
            continue;
        case u'\r':
            out += "\\r";
            continue;
        case u'\t':
            out += "\\t";
            continue;
        case u'\b':
            out += "\\b";
            continue;
        case u'\f':
            out += "\\f";
            continue;
        default:
            break;
        }
        if (u < 0x20 || (ensureAscii && u > 0x7e)) {
            // UTF-16 units, so a character past U+FFFF is its surrogate pair, as in Python.
            out += "\\u";
            out += hex[(u >> 12) & 0xf];
            out += hex[(u >> 8) & 0xf];
            out += hex[(u >> 4) & 0xf];
            out += hex[u & 0xf];
        } else if (u < 0x80) {
            out += char(u);
        } else {
            out += QString(c).toUtf8();
        }
    }
    out += '"';
}

void write(QByteArray &out, const CliValue &value, bool ensureAscii, int indent, int level)
{
    auto newline = [&](int depth) {
        out += '\n';
        out += QByteArray(qsizetype(indent) * depth, ' ');
    };
    switch (value.type) {
    case CliValue::Type::Null:
        out += "null";
        return;
    case CliValue::Type::Bool:
        out += value.boolean ? "true" : "false";
        return;
    case CliValue::Type::Integer:
        out += QByteArray::number(value.integer);
        return;
    case CliValue::Type::Double:
        out += PythonJson::floatRepr(value.real);
        return;
    case CliValue::Type::String:
        writeString(out, value.string, ensureAscii);
        return;
    case CliValue::Type::List:
        if (value.items.isEmpty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (qsizetype i = 0; i < value.items.size(); ++i) {
            if (i > 0)
                out += ',';
            newline(level + 1);
            write(out, value.items.at(i), ensureAscii, indent, level + 1);
        }
        newline(level);
        out += ']';
        return;
    case CliValue::Type::Object:
        if (value.members.isEmpty()) {
            out += "{}";
            return;
        }
        out += '{';
        for (qsizetype i = 0; i < value.members.size(); ++i) {
            if (i > 0)
                out += ',';
            newline(level + 1);
            writeString(out, value.members.at(i).first, ensureAscii);
            out += ": ";
            write(out, value.members.at(i).second, ensureAscii, indent, level + 1);
        }
        newline(level);
        out += '}';
        return;
    }
}

} // namespace

QByteArray PythonJson::dumps(const CliValue &value, bool ensureAscii, int indent)
{
    QByteArray out;
    write(out, value, ensureAscii, indent, 0);
    return out;
}

QByteArray PythonJson::floatRepr(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    // repr(): the shortest text that reads back, positional from 1e-4 up to 1e16.
    const double magnitude = std::fabs(value);
    if (value == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
        QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
        if (!text.contains(u'.'))
            text += u".0"_s;
        return text.toLatin1();
    }
    QString text = QString::number(value, 'e', QLocale::FloatingPointShortest);
    // Qt writes "1e+16"; Python too, but with at least two exponent digits.
    const qsizetype e = text.indexOf(u'e');
    QString exponent = text.mid(e + 2);
    while (exponent.size() > 2 && exponent.startsWith(u'0'))
        exponent.remove(0, 1);
    if (exponent.size() < 2)
        exponent.prepend(u'0');
    return (text.left(e + 2) + exponent).toLatin1();
}

} // namespace mgn
