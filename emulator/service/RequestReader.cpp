#include "emulator/service/RequestReader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double largestExactInteger = 9007199254740992.0; // 2^53

const QString redacted = u"'*** Sensitive Data Redacted ***'"_s;

} // namespace

QString RequestReader::shown(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"'true'"_s : u"'false'"_s;
    case QJsonValue::Double:
        return u'\'' + QString::number(value.toDouble(), 'g', 17) + u'\'';
    case QJsonValue::String:
        return u'\'' + value.toString() + u'\'';
    case QJsonValue::Array:
        return u'\'' + QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
            + u'\'';
    case QJsonValue::Object:
        return u'\'' + QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
            + u'\'';
    }
    return {};
}

QString RequestReader::redactedValue()
{
    return redacted;
}

RequestReader::StringRule RequestReader::StringRule::make(
    int minLength, int maxLength, const QString &pattern, bool sensitive)
{
    StringRule rule;
    rule.minLength = minLength;
    rule.maxLength = maxLength;
    rule.pattern = pattern;
    rule.sensitive = sensitive;
    if (!pattern.isEmpty())
        rule.regex = QRegularExpression(QRegularExpression::anchoredPattern(pattern));
    return rule;
}

std::optional<RequestReader> RequestReader::fromBody(const QByteArray &body, EmulatorResponse *error)
{
    if (body.trimmed().isEmpty())
        return RequestReader(QJsonObject());
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ServiceErrors::validationMessage(
            u"The request body is not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                .arg(parseError.offset),
            ValidationExceptionReason::CannotParse);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = ServiceErrors::validationMessage(
            u"The request body must be a JSON object"_s, ValidationExceptionReason::CannotParse);
        return std::nullopt;
    }
    return RequestReader(document.object());
}

RequestReader RequestReader::fromQuery(
    const QByteArray &query, const QStringList &integers, const QStringList &lists)
{
    QJsonObject object;
    const QList<QByteArray> pairs = query.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QString name
            = QString::fromUtf8(QByteArray::fromPercentEncoding(equals < 0 ? pair : pair.left(equals)));
        const QString value = equals < 0
            ? QString()
            : QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(equals + 1)));
        if (lists.contains(name)) {
            QJsonArray array = object.value(name).toArray();
            array.append(value);
            object.insert(name, array);
        } else if (integers.contains(name)) {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            if (ok)
                object.insert(name, double(number));
            else
                object.insert(name, value);
        } else {
            object.insert(name, value);
        }
    }
    return RequestReader(object);
}

RequestReader::RequestReader(const QJsonObject &object)
    : RequestReader(object, QString(), std::make_shared<QList<ServiceErrors::Field>>())
{ }

RequestReader::RequestReader(
    const QJsonObject &object, const QString &prefix, std::shared_ptr<QList<ServiceErrors::Field>> fields)
    : m_object(object)
    , m_prefix(prefix)
    , m_fields(std::move(fields))
{ }

void RequestReader::fail(const QString &name, const QString &message, const QString &value)
{
    m_fields->append({ name, message, value });
}

QString RequestReader::path(QLatin1StringView name) const
{
    return m_prefix.isEmpty() ? QString(name) : QString(m_prefix + u'.' + name);
}

bool RequestReader::has(QLatin1StringView name) const
{
    const QJsonValue value = m_object.value(name);
    return !value.isUndefined() && !value.isNull();
}

QJsonValue RequestReader::member(QLatin1StringView name, bool required)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(path(name), u"Member must not be null"_s, u"null"_s);
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

bool RequestReader::checkString(const QString &where, const QString &value, const StringRule &rule)
{
    const QString text = rule.sensitive ? redacted : QString(u'\'' + value + u'\'');
    bool valid = true;
    if (value.size() < rule.minLength) {
        fail(where, u"Member must have length greater than or equal to %1"_s.arg(rule.minLength), text);
        valid = false;
    }
    if (rule.maxLength >= 0 && value.size() > rule.maxLength) {
        fail(where, u"Member must have length less than or equal to %1"_s.arg(rule.maxLength), text);
        valid = false;
    }
    if (!rule.pattern.isEmpty() && !rule.regex.match(value).hasMatch()) {
        fail(where, u"Member must satisfy regular expression pattern: %1"_s.arg(rule.pattern), text);
        valid = false;
    }
    return valid;
}

std::optional<QString> RequestReader::string(QLatin1StringView name, const StringRule &rule, bool required)
{
    const QJsonValue value = member(name, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isString()) {
        fail(path(name), u"Member must be a string"_s, rule.sensitive ? redacted : shown(value));
        return std::nullopt;
    }
    const QString text = value.toString();
    if (!checkString(path(name), text, rule))
        return std::nullopt;
    return text;
}

std::optional<qint64> RequestReader::integer(
    QLatin1StringView name, qint64 minimum, qint64 maximum, bool required)
{
    const QJsonValue value = member(name, required);
    if (value.isUndefined())
        return std::nullopt;
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number || std::fabs(number) > largestExactInteger) {
        fail(path(name), u"Member must be an integer"_s, shown(value));
        return std::nullopt;
    }
    const auto integerValue = static_cast<qint64>(number);
    if (integerValue < minimum) {
        fail(path(name), u"Member must have value greater than or equal to %1"_s.arg(minimum), shown(value));
        return std::nullopt;
    }
    if (integerValue > maximum) {
        fail(path(name), u"Member must have value less than or equal to %1"_s.arg(maximum), shown(value));
        return std::nullopt;
    }
    return integerValue;
}

std::optional<bool> RequestReader::boolean(QLatin1StringView name)
{
    const QJsonValue value = member(name, false);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isBool()) {
        fail(path(name), u"Member must be a boolean"_s, shown(value));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QStringList> RequestReader::stringList(
    QLatin1StringView name, int minItems, int maxItems, const StringRule &item, bool required)
{
    const QJsonValue value = member(name, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isArray()) {
        fail(path(name), u"Member must be a list"_s, item.sensitive ? redacted : shown(value));
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    bool valid = true;
    if (array.size() < minItems) {
        fail(path(name), u"Member must have length greater than or equal to %1"_s.arg(minItems),
            item.sensitive ? redacted : shown(value));
        valid = false;
    }
    if (maxItems >= 0 && array.size() > maxItems) {
        // The list itself is not repeated: it can hold a thousand IDs.
        fail(path(name), u"Member must have length less than or equal to %1"_s.arg(maxItems),
            u"'[%1 items]'"_s.arg(array.size()));
        valid = false;
    }
    QStringList list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        const QString where = path(name) + u'[' + QString::number(i) + u']';
        if (!element.isString()) {
            fail(where, u"Member must be a string"_s, item.sensitive ? redacted : shown(element));
            valid = false;
            continue;
        }
        if (!checkString(where, element.toString(), item))
            valid = false;
        list << element.toString();
    }
    if (!valid)
        return std::nullopt;
    return list;
}

std::optional<Tags> RequestReader::tags(QLatin1StringView name, bool required)
{
    static const StringRule key = StringRule::make(0, 256, {}, true);
    const QJsonValue value = member(name, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        fail(path(name), u"Member must be a map of strings"_s, redacted);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    bool valid = true;
    if (object.size() > 50) {
        fail(path(name), u"Member must have length less than or equal to 50"_s, redacted);
        valid = false;
    }
    Tags tags;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString where = path(name) + u'.' + it.key();
        valid = checkString(path(name) + u".key"_s, it.key(), key) && valid;
        if (!it.value().isString()) {
            fail(where, u"Member must be a string"_s, redacted);
            valid = false;
            continue;
        }
        valid = checkString(where, it.value().toString(), key) && valid;
        tags.insert(it.key(), it.value().toString());
    }
    if (!valid)
        return std::nullopt;
    return tags;
}

std::optional<RequestReader> RequestReader::object(QLatin1StringView name, bool required)
{
    const QJsonValue value = member(name, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        fail(path(name), u"Member must be a structure"_s, shown(value));
        return std::nullopt;
    }
    return RequestReader(value.toObject(), path(name), m_fields);
}

std::optional<QString> RequestReader::enumText(
    QLatin1StringView name, bool required, const QStringList &allowed)
{
    const QJsonValue value = member(name, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isString()) {
        fail(path(name), u"Member must be a string"_s, shown(value));
        return std::nullopt;
    }
    if (!allowed.contains(value.toString())) {
        fail(path(name), u"Member must satisfy enum value set: [%1]"_s.arg(allowed.join(u", "_s)),
            shown(value));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<QStringList> RequestReader::enumTexts(
    QLatin1StringView name, int maxItems, const QStringList &allowed)
{
    const QJsonValue value = member(name, false);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isArray()) {
        fail(path(name), u"Member must be a list"_s, shown(value));
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    bool valid = true;
    if (array.size() > maxItems) {
        fail(path(name), u"Member must have length less than or equal to %1"_s.arg(maxItems), shown(value));
        valid = false;
    }
    QStringList texts;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        const QString where = path(name) + u'[' + QString::number(i) + u']';
        if (!element.isString() || !allowed.contains(element.toString())) {
            fail(where, u"Member must satisfy enum value set: [%1]"_s.arg(allowed.join(u", "_s)),
                shown(element));
            valid = false;
            continue;
        }
        texts << element.toString();
    }
    if (!valid)
        return std::nullopt;
    return texts;
}

} // namespace mgn
