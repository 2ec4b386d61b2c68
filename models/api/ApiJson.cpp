#include "models/api/ApiJson.h"

#include "models/json/JsonReader.h"

#include <QLocale>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace mgn::api {

namespace {

QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// A whole number that fits a qint64, or nullopt (after recording why).
std::optional<qint64> wholeNumber(
    const QJsonValue &json, const JsonPath &path, std::optional<JsonError> &error)
{
    if (!json.isDouble()) {
        failJson(path, expectedText(u"an integer", json), error);
        return std::nullopt;
    }
    // toInteger answers 0 both for a zero and for a number that is not a
    // whole qint64; the double tells the two apart.
    const qint64 value = json.toInteger();
    if (value == 0 && json.toDouble() != 0.0) {
        failJson(path, u"expected an integer, got "_s + numberText(json.toDouble()), error);
        return std::nullopt;
    }
    return value;
}

} // namespace

bool failJson(const JsonPath &path, const QString &message, std::optional<JsonError> &error)
{
    if (!error)
        error = JsonError { path.toString(), message };
    return false;
}

QString expectedText(QStringView expected, const QJsonValue &got)
{
    return u"expected "_s + expected + u", got "_s + JsonReader::typeName(got);
}

bool readJson(const QJsonValue &json, const JsonPath &path, QString &out, std::optional<JsonError> &error)
{
    if (!json.isString())
        return failJson(path, expectedText(u"a string", json), error);
    out = json.toString();
    return true;
}

bool readJson(const QJsonValue &json, const JsonPath &path, bool &out, std::optional<JsonError> &error)
{
    if (!json.isBool())
        return failJson(path, expectedText(u"a boolean", json), error);
    out = json.toBool();
    return true;
}

bool readJson(const QJsonValue &json, const JsonPath &path, int &out, std::optional<JsonError> &error)
{
    const std::optional<qint64> value = wholeNumber(json, path, error);
    if (!value)
        return false;
    if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max())
        return failJson(path, u"expected a 32-bit integer, got %1"_s.arg(*value), error);
    out = int(*value);
    return true;
}

bool readJson(const QJsonValue &json, const JsonPath &path, qint64 &out, std::optional<JsonError> &error)
{
    const std::optional<qint64> value = wholeNumber(json, path, error);
    if (!value)
        return false;
    out = *value;
    return true;
}

bool readJson(const QJsonValue &json, const JsonPath &path, double &out, std::optional<JsonError> &error)
{
    if (!json.isDouble())
        return failJson(path, expectedText(u"a number", json), error);
    out = json.toDouble();
    return true;
}

bool readObject(
    const QJsonValue &json, const JsonPath &path, QJsonObject &object, std::optional<JsonError> &error)
{
    if (!json.isObject())
        return failJson(path, expectedText(u"an object", json), error);
    object = json.toObject();
    return true;
}

bool readUnion(const QJsonObject &object, const JsonPath &path, std::initializer_list<bool> set,
    std::optional<JsonError> &error)
{
    qsizetype count = 0;
    for (const bool isSet : set)
        count += isSet ? 1 : 0;
    if (count > 1)
        return failJson(path, u"expected exactly one member of the union, got %1"_s.arg(count), error);
    if (count == 0 && object.isEmpty())
        return failJson(path, u"expected exactly one member of the union, got none"_s, error);
    return true;
}

} // namespace mgn::api
