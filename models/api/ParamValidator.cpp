#include "models/api/ParamValidator.h"

#include "models/json/Iso8601.h"

#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace mgn::api {

using namespace Qt::Literals::StringLiterals;

namespace {

// The number of code points, as Python's len(): a surrogate pair is one.
qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isIntegral(double value)
{
    return std::isfinite(value) && std::trunc(value) == value;
}

QString number(double value)
{
    if (isIntegral(value) && std::abs(value) < 1e18)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// What Python's str() prints for the value botocore would have been given.
QString pythonRepr(const QJsonValue &value, bool nested);

QString pythonString(const QString &text, bool nested)
{
    if (!nested)
        return text;
    QString quoted = text;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + quoted + u'\'';
}

QString pythonRepr(const QJsonValue &value, bool nested)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"None"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"True"_s : u"False"_s;
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::String:
        return pythonString(value.toString(), nested);
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(pythonRepr(item, true));
        return u'[' + items.join(u", "_s) + u']';
    }
    case QJsonValue::Object: {
        QStringList items;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            items.append(pythonString(it.key(), true) + u": "_s + pythonRepr(it.value(), true));
        return u'{' + items.join(u", "_s) + u'}';
    }
    }
    return QString();
}

QString pythonType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"<class 'NoneType'>"_s;
    case QJsonValue::Bool:
        return u"<class 'bool'>"_s;
    case QJsonValue::Double:
        return isIntegral(value.toDouble()) ? u"<class 'int'>"_s : u"<class 'float'>"_s;
    case QJsonValue::String:
        return u"<class 'str'>"_s;
    case QJsonValue::Array:
        return u"<class 'list'>"_s;
    case QJsonValue::Object:
        return u"<class 'dict'>"_s;
    }
    return QString();
}

// botocore's valid types per shape type (validate.py's SCALAR_TYPES and
// CONTAINER_TYPES, the timestamp's and the blob's).
QString validTypes(ShapeType type)
{
    switch (type) {
    case ShapeType::Structure:
    case ShapeType::Map:
        return u"<class 'dict'>"_s;
    case ShapeType::List:
        return u"<class 'list'>, <class 'tuple'>"_s;
    case ShapeType::String:
        return u"<class 'str'>"_s;
    case ShapeType::Integer:
    case ShapeType::Long:
        return u"<class 'int'>"_s;
    case ShapeType::Float:
    case ShapeType::Double:
        return u"<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>"_s;
    case ShapeType::Boolean:
        return u"<class 'bool'>"_s;
    case ShapeType::Timestamp:
        return u"<class 'datetime.datetime'>, timestamp-string"_s;
    case ShapeType::Blob:
        return u"<class 'bytes'>, <class 'bytearray'>, file-like object"_s;
    }
    return QString();
}

bool hasType(const QJsonValue &value, ShapeType type)
{
    switch (type) {
    case ShapeType::Structure:
    case ShapeType::Map:
        return value.isObject();
    case ShapeType::List:
        return value.isArray();
    case ShapeType::String:
    case ShapeType::Blob:
        return value.isString();
    case ShapeType::Integer:
    case ShapeType::Long:
        return value.isDouble() && isIntegral(value.toDouble());
    case ShapeType::Float:
    case ShapeType::Double:
        return value.isDouble();
    case ShapeType::Boolean:
        return value.isBool();
    case ShapeType::Timestamp:
        // Epoch seconds, or a text botocore's parser would read (ISO 8601
        // here; botocore also takes epoch seconds as text).
        if (value.isDouble())
            return std::isfinite(value.toDouble());
        if (!value.isString())
            return false;
        {
            bool epoch = false;
            value.toString().toDouble(&epoch);
            return epoch || Iso8601::parseDateTime(value.toString()).ok();
        }
    }
    return false;
}

// Patterns are compiled once per shape, for every thread.
QRegularExpression patternOf(const Shape &shape)
{
    static QMutex mutex;
    static QHash<const Shape *, QRegularExpression> cache;
    const QMutexLocker lock(&mutex);
    auto it = cache.find(&shape);
    if (it == cache.end())
        it = cache.insert(&shape, QRegularExpression(shape.pattern));
    return *it;
}

class Walker final
{
public:
    QList<ValidationProblem> problems;

    void value(const QJsonValue &json, const Shape &shape, const QString &path, bool sensitive)
    {
        sensitive = sensitive || shape.sensitive;
        m_at = { &shape, json, sensitive };
        if (!hasType(json, shape.type)) {
            report(path, Constraint::Type,
                u"Invalid type for parameter %1, value: %2, type: %3, valid types: %4"_s.arg(
                    name(path), shown(json, sensitive), pythonType(json), validTypes(shape.type)));
            return;
        }
        switch (shape.type) {
        case ShapeType::Structure:
            structure(json.toObject(), shape, path, sensitive);
            break;
        case ShapeType::List: {
            const QJsonArray items = json.toArray();
            length(items.size(), shape, path, json);
            for (qsizetype i = 0; i < items.size(); ++i)
                value(items.at(i), *shape.member, u"%1[%2]"_s.arg(path).arg(i), sensitive);
            break;
        }
        case ShapeType::Map: {
            const QJsonObject entries = json.toObject();
            length(entries.size(), shape, path, json);
            for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
                value(QJsonValue(it.key()), *shape.key, u"%1 (key: %2)"_s.arg(path, it.key()), sensitive);
                value(it.value(), *shape.value, join(path, it.key()), sensitive);
            }
            break;
        }
        case ShapeType::String:
            string(json.toString(), shape, path, sensitive);
            break;
        case ShapeType::Integer:
        case ShapeType::Long:
        case ShapeType::Float:
        case ShapeType::Double:
            range(json, shape, path);
            break;
        case ShapeType::Boolean:
        case ShapeType::Timestamp:
        case ShapeType::Blob:
            break;
        }
    }

    void structure(const QJsonObject &object, const Shape &shape, const QString &path, bool sensitive)
    {
        QStringList memberNames;
        for (const Member &m : shape.members)
            memberNames.append(m.name);
        m_at = { &shape, QJsonValue(object), sensitive };
        if (shape.isUnion && object.isEmpty()) {
            report(path, Constraint::Union,
                u"Must set one of the following keys for tagged union structure %1: %2."_s.arg(
                    name(path), memberNames.join(u", "_s)));
        } else if (shape.isUnion && object.size() > 1) {
            report(path, Constraint::Union,
                u"Invalid number of parameters set for tagged union structure %1. Can only set one of the following keys: %2."_s
                    .arg(name(path), memberNames.join(u", "_s)));
        }
        for (const Member &m : shape.members) {
            if (m.required && !object.contains(m.name)) {
                m_at = { m.shape, QJsonValue(QJsonValue::Undefined), sensitive };
                report(join(path, m.name), Constraint::Required,
                    u"Missing required parameter in %1: \"%2\""_s.arg(name(path), m.name));
            }
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!shape.findMember(it.key())) {
                m_at = { nullptr, it.value(), sensitive };
                report(join(path, it.key()), Constraint::Unknown,
                    u"Unknown parameter in %1: \"%2\", must be one of: %3"_s.arg(
                        name(path), it.key(), memberNames.join(u", "_s)));
            }
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (const Member *m = shape.findMember(it.key()))
                value(it.value(), *m->shape, join(path, it.key()), sensitive);
        }
    }

    void string(const QString &text, const Shape &shape, const QString &path, bool sensitive)
    {
        length(codePoints(text), shape, path, QJsonValue(text));
        if (!shape.enumValues.isEmpty() && !shape.enumValues.contains(text)) {
            report(path, Constraint::Enum,
                u"Invalid value for parameter %1, value: %2, valid values: %3"_s.arg(
                    name(path), shown(text, sensitive), shape.enumValues.join(u", "_s)));
        }
        // A pattern PCRE cannot read is not held against the value.
        const QRegularExpression pattern = shape.pattern.isEmpty() ? QRegularExpression() : patternOf(shape);
        if (!shape.pattern.isEmpty() && pattern.isValid() && !pattern.match(text).hasMatch()) {
            report(path, Constraint::Pattern,
                u"Invalid value for parameter %1, value: %2, valid pattern: %3"_s.arg(
                    name(path), shown(text, sensitive), shape.pattern));
        }
    }

    void length(qsizetype size, const Shape &shape, const QString &path, const QJsonValue &json)
    {
        m_at = { &shape, json, m_at.sensitive };
        if (shape.min && double(size) < *shape.min) {
            report(path, Constraint::MinLength, *shape.min,
                u"Invalid length for parameter %1, value: %2, valid min length: %3"_s.arg(
                    name(path), QString::number(size), number(*shape.min)));
        }
        if (shape.max && double(size) > *shape.max) {
            report(path, Constraint::MaxLength, *shape.max,
                u"Invalid length for parameter %1, value: %2, valid max length: %3"_s.arg(
                    name(path), QString::number(size), number(*shape.max)));
        }
    }

    void range(const QJsonValue &json, const Shape &shape, const QString &path)
    {
        const double amount = json.toDouble();
        m_at = { &shape, json, m_at.sensitive };
        std::optional<double> min = shape.min;
        std::optional<double> max = shape.max;
        // What the service's integers hold, when the model does not say less.
        if (shape.type == ShapeType::Integer) {
            min = std::max(min.value_or(-std::numeric_limits<double>::infinity()),
                double(std::numeric_limits<qint32>::min()));
            max = std::min(max.value_or(std::numeric_limits<double>::infinity()),
                double(std::numeric_limits<qint32>::max()));
        }
        if (min && amount < *min) {
            report(path, Constraint::MinValue, *min,
                u"Invalid value for parameter %1, value: %2, valid min value: %3"_s.arg(
                    name(path), number(amount), number(*min)));
        }
        if (max && amount > *max) {
            report(path, Constraint::MaxValue, *max,
                u"Invalid value for parameter %1, value: %2, valid max value: %3"_s.arg(
                    name(path), number(amount), number(*max)));
        }
    }

private:
    using Constraint = ValidationProblem::Constraint;

    // The shape and value being checked, for the problem's details.
    struct At final {
        const Shape *shape = nullptr;
        QJsonValue value;
        bool sensitive = false;
    };
    At m_at;

    void report(const QString &path, Constraint constraint, const QString &message)
    {
        report(path, constraint, 0, message);
    }
    void report(const QString &path, Constraint constraint, double limit, const QString &message)
    {
        problems.append({ path, message, constraint, m_at.shape, limit, m_at.value, m_at.sensitive });
    }

    static QString join(const QString &path, const QString &member)
    {
        return path.isEmpty() ? member : path + u'.' + member;
    }

    // botocore names the root "input".
    static QString name(const QString &path) { return path.isEmpty() ? u"input"_s : path; }

    // A sensitive value (tags) is not repeated in a message that may be logged.
    static QString shown(const QJsonValue &json, bool sensitive)
    {
        return sensitive ? u"<sensitive>"_s : pythonRepr(json, false);
    }
};

} // namespace

QList<ValidationProblem> ParamValidator::validate(const Shape &input, const QJsonObject &document)
{
    Walker walker;
    walker.structure(document, input, QString(), input.sensitive);
    return std::move(walker.problems);
}

} // namespace mgn::api
