#pragma once

#include "models/api/ApiModel.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace mgn {

// The AWS CLI's reading of an option's value, ported from awscli v1:
// shorthand.py's ShorthandParser (the syntax: "a=b,c=d", lists "a=[b,c]" and
// "a=b,c", nested "a={b=c}", quoting, escaped commas, "key@=file://path")
// and BackCompatVisitor (scalars converted by the model), and argprocess.py's
// choice between shorthand and JSON and its unpacking of every other value.
// Errors carry the CLI's text.
class ShorthandParser final
{
public:
    struct Error final {
        QString message;
        // The CLI reports most problems as "Error parsing parameter '--x': ...";
        // a few (Python's own int() and float() errors) it prints bare.
        bool parameterError = true;
    };

    // The syntax alone, for one word: an object, or nullopt with `error`.
    static std::optional<QJsonObject> parse(const QString &text, Error *error);

    // Whether an option of this shape takes shorthand: a structure, a map or a
    // list of those (argprocess._supports_shorthand_syntax).
    static bool supportsShorthand(const api::Shape &shape);

    // BackCompatVisitor: numbers and booleans given as text become numbers and
    // booleans where the model says so, and a single value where the model
    // wants a list becomes a list of one. `topLevel`: the value of the option
    // itself, which the CLI never wraps.
    static bool applyModel(QJsonValue &value, const api::Shape &shape, Error *error, bool topLevel = true);

    // What one option stands for in the operation's input: `words` as the
    // command line gave them (one for a scalar or structure option, any number
    // for a list option: `isList`). Parameter files are read, then shorthand or
    // JSON is parsed as the CLI would. nullopt with `error` when it does not read.
    static std::optional<QJsonValue> argumentValue(
        const api::Shape &shape, const QStringList &words, bool isList, const QString &cliName, Error *error);

    // Python's int() and float() on text, with their error messages.
    static std::optional<qint64> pythonInt(const QString &text, QString *error);
    static std::optional<double> pythonFloat(const QString &text, QString *error);
    // Python's repr() of a string, as its error messages quote values.
    static QString pythonRepr(const QString &text);
    // JSON as Python's json.loads reads it (any value at the top).
    static std::optional<QJsonValue> parseJson(const QString &text, QString *error);
};

} // namespace mgn
