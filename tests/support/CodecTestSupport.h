#pragma once

// Helpers shared by the codec tests: fixtures, edits at a member path, and
// walks over the API model (models/api/model/service-2.json) that
// normalise a document and check that every member of a shape is emitted.

#include "models/codec/DecodeResult.h"
#include "models/json/Iso8601.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace mgn::testsupport {

// A decoding's error for a QVERIFY2 message, which is evaluated whether or not
// the decoding failed: empty when there is none.
template<typename T> QString errorText(const DecodeResult<T> &result)
{
    return result.error ? result.error->toString() : QString();
}

inline QByteArray readTestData(const QString &relativePath)
{
    QFile file(QStringLiteral(MGN_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline QJsonObject readTestObject(const QString &relativePath)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readTestData(relativePath), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("%s is not a JSON object: %s", qPrintable(relativePath), qPrintable(error.errorString()));
    return document.object();
}

inline QJsonObject modelShapes()
{
    QFile file(QStringLiteral(MGN_API_MODEL_DIR "/service-2.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the API model %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object().value(u"shapes").toObject();
}

// "a.b[2].c" -> {"a", "b", 2, "c"}: strings are member names, numbers indexes.
inline QList<QVariant> splitPath(const QString &path)
{
    QList<QVariant> segments;
    static const QRegularExpression segment(QStringLiteral(R"(([^.\[\]]+)|\[(\d+)\])"));
    auto it = segment.globalMatch(path);
    while (it.hasNext()) {
        const auto match = it.next();
        if (match.hasCaptured(1))
            segments.append(match.captured(1));
        else
            segments.append(match.captured(2).toInt());
    }
    return segments;
}

inline QJsonValue valueAtSegments(const QJsonValue &root, const QList<QVariant> &segments, qsizetype from)
{
    if (from == segments.size())
        return root;
    const QVariant &segment = segments.at(from);
    if (segment.typeId() == QMetaType::Int)
        return valueAtSegments(root.toArray().at(segment.toInt()), segments, from + 1);
    return valueAtSegments(root.toObject().value(segment.toString()), segments, from + 1);
}

inline QJsonValue valueAt(const QJsonValue &root, const QString &path)
{
    return valueAtSegments(root, splitPath(path), 0);
}

inline QJsonValue withValueAtSegments(
    const QJsonValue &root, const QList<QVariant> &segments, qsizetype from, const QJsonValue &value)
{
    if (from == segments.size())
        return value;
    const QVariant &segment = segments.at(from);
    if (segment.typeId() == QMetaType::Int) {
        QJsonArray array = root.toArray();
        const int index = segment.toInt();
        array.replace(index, withValueAtSegments(array.at(index), segments, from + 1, value));
        return array;
    }
    QJsonObject object = root.toObject();
    const QString key = segment.toString();
    object.insert(key, withValueAtSegments(object.value(key), segments, from + 1, value));
    return object;
}

// A copy of root with the value at path replaced (or added).
inline QJsonObject withValueAt(const QJsonObject &root, const QString &path, const QJsonValue &value)
{
    return withValueAtSegments(root, splitPath(path), 0, value).toObject();
}

// The document as the codec should give it back: only members of the model,
// no nulls, dates and durations in Iso8601's canonical form.
inline QJsonValue normalised(const QJsonValue &value, const QString &shapeName, const QJsonObject &shapes)
{
    const QJsonObject shape = shapes.value(shapeName).toObject();
    const QString type = shape.value(u"type").toString();
    if (type == u"structure") {
        const QJsonObject members = shape.value(u"members").toObject();
        const QJsonObject object = value.toObject();
        QJsonObject result;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!members.contains(it.key()) || it.value().isNull())
                continue;
            const QString memberShape = members.value(it.key()).toObject().value(u"shape").toString();
            result.insert(it.key(), normalised(it.value(), memberShape, shapes));
        }
        return result;
    }
    if (type == u"list") {
        const QString memberShape = shape.value(u"member").toObject().value(u"shape").toString();
        QJsonArray result;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            result.append(normalised(element, memberShape, shapes));
        return result;
    }
    if (type == u"map") {
        const QString valueShape = shape.value(u"value").toObject().value(u"shape").toString();
        QJsonObject result;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            result.insert(it.key(), normalised(it.value(), valueShape, shapes));
        return result;
    }
    if (shapeName == u"ISO8601DatetimeString")
        return Iso8601::formatDateTime(Iso8601::parseDateTime(value.toString()).value.value_or(0));
    if (shapeName == u"ISO8601DurationString")
        return Iso8601::formatDuration(Iso8601::parseDuration(value.toString()).value.value_or(0));
    return value;
}

// Every member of shapeName (recursively) that appears in none of the
// instances, as "a.b[].c"; a member counts as present when at least one
// instance (list element, map value) has it.
inline QStringList missingMembers(const QJsonArray &instances, const QString &shapeName,
    const QJsonObject &shapes, const QString &path = QString())
{
    QStringList missing;
    const QJsonObject shape = shapes.value(shapeName).toObject();
    const QString type = shape.value(u"type").toString();
    if (type == u"structure") {
        const QJsonObject members = shape.value(u"members").toObject();
        for (auto it = members.begin(); it != members.end(); ++it) {
            const QString memberPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            QJsonArray children;
            for (const QJsonValue &instance : instances) {
                const QJsonValue child = instance.toObject().value(it.key());
                if (!child.isUndefined() && !child.isNull())
                    children.append(child);
            }
            if (children.isEmpty())
                missing.append(memberPath);
            else
                missing += missingMembers(
                    children, it.value().toObject().value(u"shape").toString(), shapes, memberPath);
        }
    } else if (type == u"list") {
        QJsonArray children;
        for (const QJsonValue &instance : instances) {
            const QJsonArray array = instance.toArray();
            for (const QJsonValue &element : array)
                children.append(element);
        }
        const QString memberPath = path + u"[]";
        if (children.isEmpty())
            missing.append(memberPath);
        else
            missing += missingMembers(
                children, shape.value(u"member").toObject().value(u"shape").toString(), shapes, memberPath);
    } else if (type == u"map") {
        QJsonArray children;
        for (const QJsonValue &instance : instances) {
            const QJsonObject object = instance.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                children.append(it.value());
        }
        const QString memberPath = path + u"{}";
        if (children.isEmpty())
            missing.append(memberPath);
        else
            missing += missingMembers(
                children, shape.value(u"value").toObject().value(u"shape").toString(), shapes, memberPath);
    }
    return missing;
}

// Every path of a member of shapeName whose shape is one of shapeNames, with
// list elements as [0] and map values under their first key: the places in
// the fixtures where, e.g., an enumeration or a date sits.
inline QStringList pathsOfShapes(const QJsonValue &instance, const QString &shapeName,
    const QJsonObject &shapes, const std::function<bool(const QString &, const QJsonObject &)> &select,
    const QString &path = QString())
{
    QStringList paths;
    const QJsonObject shape = shapes.value(shapeName).toObject();
    const QString type = shape.value(u"type").toString();
    if (!path.isEmpty() && select(shapeName, shape))
        return { path };
    if (type == u"structure") {
        const QJsonObject members = shape.value(u"members").toObject();
        const QJsonObject object = instance.toObject();
        for (auto it = members.begin(); it != members.end(); ++it) {
            if (!object.contains(it.key()))
                continue;
            const QString memberPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            paths += pathsOfShapes(object.value(it.key()), it.value().toObject().value(u"shape").toString(),
                shapes, select, memberPath);
        }
    } else if (type == u"list") {
        const QJsonArray array = instance.toArray();
        if (!array.isEmpty())
            paths += pathsOfShapes(array.first(),
                shape.value(u"member").toObject().value(u"shape").toString(), shapes, select, path + u"[0]");
    } else if (type == u"map") {
        const QJsonObject object = instance.toObject();
        if (!object.isEmpty())
            paths += pathsOfShapes(object.begin().value(),
                shape.value(u"value").toObject().value(u"shape").toString(), shapes, select,
                path + u'.' + object.begin().key());
    }
    return paths;
}

inline bool isEnumShape(const QString &, const QJsonObject &shape)
{
    return shape.contains(u"enum");
}

} // namespace mgn::testsupport
