#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace mgn {

// Checks a JSON value against a shape of the API model (service-2.json):
// structure members known and required ones present, list and map elements,
// strings (and enum values), integers and their minimum, booleans, numbers
// and timestamps. Members bound to a header, the URI or the query are not in
// the body and are skipped. Every problem is one line with its path.
class ApiShapeValidator final
{
public:
    explicit ApiShapeValidator(const QString &modelPath)
    {
        QFile file(modelPath);
        if (file.open(QIODevice::ReadOnly))
            m_model = QJsonDocument::fromJson(file.readAll()).object();
        m_shapes = m_model.value(QStringLiteral("shapes")).toObject();
    }

    bool isLoaded() const { return !m_shapes.isEmpty(); }
    QJsonObject operation(const QString &name) const
    {
        return m_model.value(QStringLiteral("operations")).toObject().value(name).toObject();
    }

    QStringList validate(
        const QJsonValue &value, const QString &shapeName, const QString &path = QStringLiteral("$")) const
    {
        QStringList problems;
        check(value, shapeName, path, problems);
        return problems;
    }

private:
    void check(
        const QJsonValue &value, const QString &shapeName, const QString &path, QStringList &problems) const
    {
        const QJsonObject shape = m_shapes.value(shapeName).toObject();
        if (shape.isEmpty()) {
            problems.append(path + QStringLiteral(": unknown shape ") + shapeName);
            return;
        }
        const QString type = shape.value(QStringLiteral("type")).toString();
        auto fail = [&](const QString &what) {
            problems.append(path + QStringLiteral(": ") + what + QStringLiteral(" (") + shapeName + u')');
        };
        if (type == u"structure") {
            if (!value.isObject())
                return fail(QStringLiteral("expected an object"));
            const QJsonObject object = value.toObject();
            const QJsonObject members = shape.value(QStringLiteral("members")).toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (!members.contains(it.key()))
                    fail(QStringLiteral("unknown member ") + it.key());
                else if (!it.value().isNull())
                    check(it.value(),
                        members.value(it.key()).toObject().value(QStringLiteral("shape")).toString(),
                        path + u'.' + it.key(), problems);
            }
            for (const QJsonValue &required : shape.value(QStringLiteral("required")).toArray()) {
                const QJsonObject member = members.value(required.toString()).toObject();
                if (!member.contains(QStringLiteral("location")) && !object.contains(required.toString()))
                    fail(QStringLiteral("required member missing: ") + required.toString());
            }
        } else if (type == u"list") {
            if (!value.isArray())
                return fail(QStringLiteral("expected an array"));
            const QString member
                = shape.value(QStringLiteral("member")).toObject().value(QStringLiteral("shape")).toString();
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), member, path + u'[' + QString::number(i) + u']', problems);
        } else if (type == u"map") {
            if (!value.isObject())
                return fail(QStringLiteral("expected an object (map)"));
            const QString valueShape
                = shape.value(QStringLiteral("value")).toObject().value(QStringLiteral("shape")).toString();
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                check(it.value(), valueShape, path + u'.' + it.key(), problems);
        } else if (type == u"string") {
            if (!value.isString())
                return fail(QStringLiteral("expected a string"));
            const QJsonArray values = shape.value(QStringLiteral("enum")).toArray();
            if (!values.isEmpty() && !values.contains(value))
                fail(QStringLiteral("not a value of the enum: ") + value.toString());
        } else if (type == u"integer" || type == u"long") {
            const double number = value.toDouble();
            if (!value.isDouble() || number != double(qint64(number)))
                return fail(QStringLiteral("expected an integer"));
            if (shape.contains(QStringLiteral("min"))
                && number < shape.value(QStringLiteral("min")).toDouble())
                fail(QStringLiteral("below the minimum"));
        } else if (type == u"boolean") {
            if (!value.isBool())
                fail(QStringLiteral("expected a boolean"));
        } else if (type == u"double" || type == u"float" || type == u"timestamp") {
            if (!value.isDouble() && !(type == u"timestamp" && value.isString()))
                fail(QStringLiteral("expected a number"));
        } else {
            fail(QStringLiteral("unhandled shape type ") + type);
        }
    }

    QJsonObject m_model;
    QJsonObject m_shapes;
};

} // namespace mgn
