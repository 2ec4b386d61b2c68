#include "models/json/JsonReader.h"

#include "models/json/Iso8601.h"

#include <QLocale>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

void JsonReader::fail(const JsonPath &path, const QString &message)
{
    if (!m_error)
        m_error = JsonError { path.toString(), message };
}

QString JsonReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

bool JsonReader::expect(
    const QJsonValue &value, QJsonValue::Type type, const JsonPath &path, QStringView expected)
{
    if (value.type() == type)
        return true;
    fail(path, u"expected "_s + expected + u", got " + typeName(value));
    return false;
}

QJsonValue JsonReader::member(QLatin1StringView key, QJsonValue::Type type, QStringView expected)
{
    if (failed())
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return QJsonValue(QJsonValue::Undefined);
    if (!expect(value, type, m_path.member(key), expected))
        return QJsonValue(QJsonValue::Undefined);
    return value;
}

std::optional<QString> JsonReader::string(QLatin1StringView key)
{
    const QJsonValue value = member(key, QJsonValue::String, u"a string");
    if (value.isUndefined())
        return std::nullopt;
    return value.toString();
}

QString JsonReader::requiredString(QLatin1StringView key)
{
    if (failed())
        return {};
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        fail(m_path.member(key), u"required member is missing"_s);
        return {};
    }
    return string(key).value_or(QString());
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key)
{
    const QJsonValue value = member(key, QJsonValue::Bool, u"a boolean");
    if (value.isUndefined())
        return std::nullopt;
    return value.toBool();
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key, qint64 minimum)
{
    const QJsonValue value = member(key, QJsonValue::Double, u"an integer");
    if (value.isUndefined())
        return std::nullopt;
    // toInteger answers 0 both for a zero and for a number that is not a
    // whole qint64; the double tells the two apart.
    const qint64 integer = value.toInteger();
    if (integer == 0 && value.toDouble() != 0.0) {
        fail(m_path.member(key), u"expected an integer, got "_s + numberText(value.toDouble()));
        return std::nullopt;
    }
    if (integer < minimum) {
        fail(m_path.member(key), u"expected an integer >= %1, got %2"_s.arg(minimum).arg(integer));
        return std::nullopt;
    }
    return integer;
}

std::optional<qint64> JsonReader::dateTime(QLatin1StringView key)
{
    const QJsonValue value = member(key, QJsonValue::String, u"an ISO-8601 datetime string");
    if (value.isUndefined())
        return std::nullopt;
    const QString text = value.toString();
    Iso8601Result parsed = Iso8601::parseDateTime(text);
    if (!parsed.ok())
        fail(m_path.member(key), u"invalid ISO-8601 datetime \"%1\": %2"_s.arg(text, parsed.error));
    return parsed.value;
}

std::optional<qint64> JsonReader::duration(QLatin1StringView key)
{
    const QJsonValue value = member(key, QJsonValue::String, u"an ISO-8601 duration string");
    if (value.isUndefined())
        return std::nullopt;
    const QString text = value.toString();
    Iso8601Result parsed = Iso8601::parseDuration(text);
    if (!parsed.ok())
        fail(m_path.member(key), u"invalid ISO-8601 duration \"%1\": %2"_s.arg(text, parsed.error));
    return parsed.value;
}

std::optional<QStringList> JsonReader::stringList(QLatin1StringView key)
{
    const QJsonValue value = member(key, QJsonValue::Array, u"an array");
    if (value.isUndefined())
        return std::nullopt;
    const JsonPath listPath = m_path.member(key);
    const QJsonArray array = value.toArray();
    QStringList result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        if (!expect(element, QJsonValue::String, listPath.element(i), u"a string"))
            return std::nullopt;
        result.append(element.toString());
    }
    return result;
}

std::optional<QMap<QString, QString>> JsonReader::stringMap(QLatin1StringView key)
{
    const QJsonValue value = member(key, QJsonValue::Object, u"an object");
    if (value.isUndefined())
        return std::nullopt;
    const JsonPath mapPath = m_path.member(key);
    const QJsonObject map = value.toObject();
    QMap<QString, QString> result;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString name = it.key();
        const QJsonValue entry = it.value();
        if (!expect(entry, QJsonValue::String, mapPath.member(name), u"a string"))
            return std::nullopt;
        result.insert(name, entry.toString());
    }
    return result;
}

} // namespace mgn
