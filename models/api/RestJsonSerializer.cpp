#include "models/api/RestJsonSerializer.h"

#include "models/json/Iso8601.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>
#include <QUuid>

#include <cmath>

namespace mgn::api {

using namespace Qt::Literals::StringLiterals;

namespace {

// A JSON number as Python's str() prints what json.loads made of it.
QString numberText(double value)
{
    if (std::trunc(value) == value && std::abs(value) < 1e18)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// A timestamp given as epoch seconds or as ISO 8601 text, in milliseconds.
std::optional<qint64> timestampMsecs(const QJsonValue &value)
{
    if (value.isDouble())
        return qint64(std::floor(value.toDouble() * 1000.0));
    bool epoch = false;
    const double seconds = value.toString().toDouble(&epoch);
    if (epoch)
        return qint64(std::floor(seconds * 1000.0));
    return Iso8601::parseDateTime(value.toString()).value;
}

// botocore's ISO 8601 for query strings: seconds, or microseconds when there is a fraction.
QString iso8601(qint64 msecs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    const qint64 fraction = ((msecs % 1000) + 1000) % 1000;
    return time.toString(u"yyyy-MM-ddTHH:mm:ss"_s)
        + (fraction ? u'.' + QString::number(fraction).rightJustified(3, u'0') + u"000Z"_s : u"Z"_s);
}

// An HTTP date, as botocore's RFC 822 header timestamps.
QString httpDate(qint64 msecs)
{
    return QLocale::c().toString(
        QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
}

// A scalar as it goes in a URI label, a query value or a header.
QString scalarText(const QJsonValue &value, const Shape &shape, bool header)
{
    switch (shape.type) {
    case ShapeType::Boolean:
        return value.toBool() ? u"true"_s : u"false"_s;
    case ShapeType::Timestamp: {
        const std::optional<qint64> msecs = timestampMsecs(value);
        if (!msecs)
            return value.toString();
        return header ? httpDate(*msecs) : iso8601(*msecs);
    }
    default:
        break;
    }
    if (value.isDouble())
        return numberText(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

// A body value as botocore's JSONSerializer writes it.
QJsonValue bodyValue(const QJsonValue &value, const Shape &shape)
{
    switch (shape.type) {
    case ShapeType::Structure: {
        if (!value.isObject())
            return value;
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (const Member *m = shape.findMember(it.key()))
                out.insert(it.key(), bodyValue(it.value(), *m->shape));
        }
        return out;
    }
    case ShapeType::List: {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(bodyValue(item, *shape.member));
        return value.isArray() ? QJsonValue(out) : value;
    }
    case ShapeType::Map: {
        if (!value.isObject())
            return value;
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            out.insert(it.key(), bodyValue(it.value(), *shape.value));
        return out;
    }
    case ShapeType::Timestamp: {
        // JSON bodies carry whole epoch seconds (botocore's default precision).
        const std::optional<qint64> msecs = timestampMsecs(value);
        return msecs ? QJsonValue(std::floor(double(*msecs) / 1000.0)) : value;
    }
    case ShapeType::Blob:
        return value.isString() ? QJsonValue(QString::fromLatin1(value.toString().toUtf8().toBase64()))
                                : value;
    default:
        return value;
    }
}

QString encodeLabel(const QString &text, bool greedy)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, greedy ? QByteArray("/") : QByteArray()));
}

// "{name}" and "{name+}" replaced by the members whose locationName they are.
QString fillLabels(const QString &uri, const QHash<QString, QString> &labels)
{
    QString path;
    qsizetype at = 0;
    while (at < uri.size()) {
        const qsizetype open = uri.indexOf(u'{', at);
        const qsizetype close = open < 0 ? -1 : uri.indexOf(u'}', open);
        if (close < 0) {
            path += uri.mid(at);
            break;
        }
        path += uri.mid(at, open - at);
        QString name = uri.mid(open + 1, close - open - 1);
        const bool greedy = name.endsWith(u'+');
        if (greedy)
            name.chop(1);
        path += encodeLabel(labels.value(name), greedy);
        at = close + 1;
    }
    return path;
}

QString headerListItem(const QString &text)
{
    if (!text.contains(u'"') && !text.contains(u','))
        return text;
    QString escaped = text;
    escaped.replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

} // namespace

SerializedRequest RestJsonSerializer::serialize(const Operation &op, const QJsonObject &input)
{
    SerializedRequest request;
    request.method = op.method;
    QString uri = op.requestUri;
    // A request URI with a query of its own keeps it before the members' (botocore appends with '&').
    const qsizetype question = uri.indexOf(u'?');
    if (question >= 0) {
        for (const QString &pair : uri.mid(question + 1).split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(u'=');
            request.query.append({ QUrl::fromPercentEncoding(pair.left(equals).toUtf8()),
                equals < 0 ? QString() : QUrl::fromPercentEncoding(pair.mid(equals + 1).toUtf8()) });
        }
        uri.truncate(question);
    }
    if (!op.input) {
        request.path = uri;
        return request;
    }

    QHash<QString, QString> labels;
    QJsonObject body;
    bool hasBodyMembers = false;
    for (const Member &m : op.input->members) {
        hasBodyMembers = hasBodyMembers || m.location == Location::Body;
        QJsonValue value = input.value(m.name);
        if (value.isUndefined() && m.idempotencyToken)
            value = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (value.isUndefined() || value.isNull())
            continue;
        const Shape &shape = *m.shape;
        switch (m.location) {
        case Location::Uri:
            labels.insert(m.locationName, scalarText(value, shape, false));
            break;
        case Location::Query:
            if (shape.type == ShapeType::List) {
                for (const QJsonValue &item : value.toArray())
                    request.query.append({ m.locationName, scalarText(item, *shape.member, false) });
            } else if (shape.type == ShapeType::Map) {
                // botocore adds a map's entries as query parameters of their own.
                const QJsonObject entries = value.toObject();
                for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
                    if (it->isArray()) {
                        for (const QJsonValue &item : it->toArray())
                            request.query.append({ it.key(), scalarText(item, *shape.value->member, false) });
                    } else {
                        request.query.append({ it.key(), scalarText(*it, *shape.value, false) });
                    }
                }
            } else {
                request.query.append({ m.locationName, scalarText(value, shape, false) });
            }
            break;
        case Location::Header: {
            QString text;
            if (shape.type == ShapeType::List) {
                QStringList items;
                for (const QJsonValue &item : value.toArray()) {
                    if (item.isNull())
                        continue;
                    items.append(shape.member->type == ShapeType::String
                            ? headerListItem(item.toString())
                            : scalarText(item, *shape.member, true));
                }
                // botocore sends no header for an empty list.
                if (items.isEmpty())
                    break;
                text = items.join(u',');
            } else {
                text = scalarText(value, shape, true);
            }
            request.headers.append({ m.locationName.toLatin1(), text.toUtf8() });
            break;
        }
        case Location::Body:
            body.insert(m.name, bodyValue(value, shape));
            break;
        }
    }
    request.path = fillLabels(uri, labels);
    if (!body.isEmpty() || hasBodyMembers) {
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
    }
    return request;
}

} // namespace mgn::api
