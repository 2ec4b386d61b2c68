#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace mgn {

// What Python's json module writes for a value, as the AWS CLI prints it
// (json.dumps) and as botocore writes its resume tokens.
namespace CliPythonJson {

// Room floatRepr() needs.
constexpr int floatReprSize = 32;

// A float as json.dumps writes it: repr() (the shortest text that reads back
// as the same double: 1.5, 100.0, 1e-05, 1e+16), NaN, Infinity, -Infinity.
// Returns the length written to `out`.
int floatRepr(double value, char *out);

// A JSON number's text read as Python's float() reads it (correctly
// rounded; beyond a double's range, an infinity or zero as Python gives).
double toDouble(QByteArrayView number);

// A JSON integer's text as Python's int prints it ("-0" is 0).
QByteArrayView intRepr(QByteArrayView integer);

// int() of a Python float: the integer part, exactly; nullopt for NaN and
// the infinities (which int() refuses).
std::optional<QByteArray> truncatedRepr(double value);

// int() and float() of a str, as Python reads them (whitespace around,
// a sign, underscores between digits); nullopt where Python raises.
std::optional<QByteArray> intOfString(QByteArrayView text);
std::optional<double> floatOfString(QByteArrayView text);

// A string's UTF-8 text as a JSON string, quotes included:
// ensure_ascii=False (the CLI's output: only ", \ and control characters
// escaped) ...
void appendString(QByteArray &out, QByteArrayView utf8);
// ... or ensure_ascii=True (json.dumps' default, botocore's tokens:
// everything outside space to '~' escaped as \uXXXX, surrogate pairs beyond
// the BMP).
void appendAsciiString(QByteArray &out, QByteArrayView utf8);

} // namespace CliPythonJson

} // namespace mgn
