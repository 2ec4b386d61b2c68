#include "emulator/service/ModelInput.h"

#include "emulator/service/RequestReader.h"
#include "emulator/service/ServiceErrors.h"
#include "models/api/ApiModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using api::Shape;
using api::ShapeType;

namespace {

constexpr double largestExactInteger = 9007199254740992.0; // 2^53

QString shown(const QJsonValue &value, bool sensitive)
{
    if (sensitive)
        return u"'*** Sensitive Data Redacted ***'"_s;
    if (value.isString())
        return u'\'' + value.toString() + u'\'';
    if (value.isDouble())
        return u'\'' + QString::number(value.toDouble(), 'g', 17) + u'\'';
    if (value.isBool())
        return value.toBool() ? u"'true'"_s : u"'false'"_s;
    if (value.isArray())
        return u'\'' + QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
            + u'\'';
    if (value.isObject())
        return u'\'' + QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
            + u'\'';
    return u"null"_s;
}

class Checker final
{
public:
    QList<ServiceErrors::Field> fields;

    void check(const Shape &shape, const QJsonValue &value, const QString &path)
    {
        switch (shape.type) {
        case ShapeType::Structure:
            return structure(shape, value, path);
        case ShapeType::List:
            return list(shape, value, path);
        case ShapeType::Map:
            return map(shape, value, path);
        case ShapeType::String:
            return string(shape, value, path);
        case ShapeType::Integer:
        case ShapeType::Long:
            return number(shape, value, path, true);
        case ShapeType::Float:
        case ShapeType::Double:
            return number(shape, value, path, false);
        case ShapeType::Boolean:
            if (!value.isBool())
                fail(path, u"Member must be a boolean"_s, value, shape);
            return;
        case ShapeType::Timestamp:
        case ShapeType::Blob:
            return;
        }
    }

private:
    void fail(const QString &path, const QString &message, const QJsonValue &value, const Shape &shape)
    {
        fields.append({ path, message, shown(value, shape.sensitive) });
    }

    void length(const Shape &shape, qsizetype size, const QString &path, const QJsonValue &value)
    {
        if (shape.min && double(size) < *shape.min)
            fail(
                path, u"Member must have length greater than or equal to %1"_s.arg(*shape.min), value, shape);
        if (shape.max && double(size) > *shape.max)
            fail(path, u"Member must have length less than or equal to %1"_s.arg(*shape.max), value, shape);
    }

    void structure(const Shape &shape, const QJsonValue &value, const QString &path)
    {
        if (!value.isObject())
            return fail(path, u"Member must be a structure"_s, value, shape);
        const QJsonObject object = value.toObject();
        for (const auto &member : shape.members) {
            const QString memberPath = path.isEmpty() ? member.name : QString(path + u'.' + member.name);
            const QJsonValue memberValue = object.value(member.name);
            if (memberValue.isUndefined() || memberValue.isNull()) {
                if (member.required)
                    fields.append({ memberPath, u"Member must not be null"_s, u"null"_s });
                continue;
            }
            check(*member.shape, memberValue, memberPath);
        }
    }

    void list(const Shape &shape, const QJsonValue &value, const QString &path)
    {
        if (!value.isArray())
            return fail(path, u"Member must be a list"_s, value, shape);
        const QJsonArray array = value.toArray();
        length(shape, array.size(), path, value);
        for (qsizetype i = 0; i < array.size(); ++i)
            check(*shape.member, array.at(i), path + u'[' + QString::number(i) + u']');
    }

    void map(const Shape &shape, const QJsonValue &value, const QString &path)
    {
        if (!value.isObject())
            return fail(path, u"Member must be a map"_s, value, shape);
        const QJsonObject object = value.toObject();
        length(shape, object.size(), path, value);
        for (auto it = object.begin(); it != object.end(); ++it) {
            check(*shape.key, it.key(), path + u".key"_s);
            check(*shape.value, it.value(), path + u'.' + it.key());
        }
    }

    void string(const Shape &shape, const QJsonValue &value, const QString &path)
    {
        if (!value.isString())
            return fail(path, u"Member must be a string"_s, value, shape);
        const QString text = value.toString();
        length(shape, text.size(), path, value);
        if (!shape.enumValues.isEmpty() && !shape.enumValues.contains(text))
            fail(path, u"Member must satisfy enum value set: [%1]"_s.arg(shape.enumValues.join(u", "_s)),
                value, shape);
        if (!shape.pattern.isEmpty()
            && !QRegularExpression(QRegularExpression::anchoredPattern(shape.pattern)).match(text).hasMatch())
            fail(path, u"Member must satisfy regular expression pattern: %1"_s.arg(shape.pattern), value,
                shape);
    }

    void number(const Shape &shape, const QJsonValue &value, const QString &path, bool integral)
    {
        const double number = value.toDouble();
        if (!value.isDouble()
            || (integral && (std::floor(number) != number || std::fabs(number) > largestExactInteger)))
            return fail(
                path, integral ? u"Member must be an integer"_s : u"Member must be a number"_s, value, shape);
        if (shape.min && number < *shape.min)
            fail(path, u"Member must have value greater than or equal to %1"_s.arg(*shape.min), value, shape);
        if (shape.max && number > *shape.max)
            fail(path, u"Member must have value less than or equal to %1"_s.arg(*shape.max), value, shape);
    }
};

} // namespace

std::optional<QJsonObject> ModelInput::read(
    QLatin1StringView operation, const EmulatorRequest &request, EmulatorResponse *error)
{
    auto reader = RequestReader::fromBody(request.body, error);
    if (!reader)
        return std::nullopt;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const api::Operation *op = api::ApiModel::mgn().operation(QString(operation));
    Q_ASSERT(op);
    if (op && op->input) {
        Checker checker;
        checker.check(*op->input, body, QString());
        if (!checker.fields.isEmpty()) {
            *error = ServiceErrors::validation(checker.fields);
            return std::nullopt;
        }
    }
    return body;
}

QJsonObject ModelInput::project(const Shape &shape, const QJsonObject &source)
{
    return merge(shape, QJsonObject(), source);
}

QJsonObject ModelInput::merge(const Shape &shape, QJsonObject target, const QJsonObject &update)
{
    for (const auto &member : shape.members) {
        const QJsonValue value = update.value(member.name);
        if (!value.isUndefined() && !value.isNull())
            target.insert(member.name, value);
    }
    return target;
}

const Shape &ModelInput::shape(QLatin1StringView name)
{
    const Shape *found = api::ApiModel::mgn().shape(QString(name));
    if (!found)
        qFatal("The API model has no shape %s", name.data());
    return *found;
}

} // namespace mgn
