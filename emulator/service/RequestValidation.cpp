#include "emulator/service/RequestValidation.h"

#include "emulator/service/RequestReader.h"
#include "emulator/service/ServiceErrors.h"
#include "models/api/ParamValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QUrlQuery>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

using api::Location;
using api::ShapeType;
using Constraint = api::ValidationProblem::Constraint;

QString limit(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString typeMessage(ShapeType type)
{
    switch (type) {
    case ShapeType::Structure:
        return u"Member must be a structure"_s;
    case ShapeType::List:
        return u"Member must be a list"_s;
    case ShapeType::Map:
        return u"Member must be a map"_s;
    case ShapeType::Integer:
    case ShapeType::Long:
        return u"Member must be an integer"_s;
    case ShapeType::Float:
    case ShapeType::Double:
        return u"Member must be a number"_s;
    case ShapeType::Boolean:
        return u"Member must be a boolean"_s;
    case ShapeType::Timestamp:
        return u"Member must be a timestamp"_s;
    case ShapeType::String:
    case ShapeType::Blob:
        break;
    }
    return u"Member must be a string"_s;
}

// The service's words for a problem api::ParamValidator found.
QString serviceMessage(const api::ValidationProblem &problem)
{
    switch (problem.constraint) {
    case Constraint::Required:
        return u"Member must not be null"_s;
    case Constraint::Type:
        return typeMessage(problem.shape ? problem.shape->type : ShapeType::String);
    case Constraint::MinLength:
        return u"Member must have length greater than or equal to %1"_s.arg(limit(problem.limit));
    case Constraint::MaxLength:
        return u"Member must have length less than or equal to %1"_s.arg(limit(problem.limit));
    case Constraint::MinValue:
        return u"Member must have value greater than or equal to %1"_s.arg(limit(problem.limit));
    case Constraint::MaxValue:
        return u"Member must have value less than or equal to %1"_s.arg(limit(problem.limit));
    case Constraint::Enum:
        return u"Member must satisfy enum value set: [%1]"_s.arg(problem.shape->enumValues.join(u", "_s));
    case Constraint::Pattern:
        return u"Member must satisfy regular expression pattern: %1"_s.arg(problem.shape->pattern);
    case Constraint::Union:
        return u"Member must have exactly one member set"_s;
    case Constraint::Unknown:
        break;
    }
    return problem.message;
}

// "tags (key: k)" is the key of "tags": the service names it "tags.key".
QString serviceName(const QString &path)
{
    const qsizetype key = path.indexOf(u" (key: "_s);
    return key < 0 ? path : path.left(key) + u".key"_s;
}

// A query or header text as the member's type (numbers and booleans are
// text on the wire); left as text when it does not read as one.
QJsonValue typed(const QString &text, const api::Shape &shape)
{
    bool ok = false;
    if (shape.type == ShapeType::Integer || shape.type == ShapeType::Long) {
        const qint64 number = text.toLongLong(&ok);
        return ok ? QJsonValue(double(number)) : QJsonValue(text);
    }
    if (shape.type == ShapeType::Boolean && (text == u"true"_s || text == u"false"_s))
        return text == u"true"_s;
    return text;
}

QJsonObject fromQuery(const api::Operation &operation, const QByteArray &query)
{
    QJsonObject input;
    const QUrlQuery parsed(QString::fromUtf8(query));
    for (const api::Member *member : operation.inputMembers(Location::Query)) {
        const QStringList values = parsed.allQueryItemValues(member->locationName, QUrl::FullyDecoded);
        if (values.isEmpty())
            continue;
        if (member->shape->type == ShapeType::List) {
            QJsonArray items;
            for (const QString &value : values)
                items.append(typed(value, *member->shape->member));
            input.insert(member->name, items);
        } else {
            input.insert(member->name, typed(values.constLast(), *member->shape));
        }
    }
    return input;
}

} // namespace

std::optional<QJsonObject> RequestValidation::input(const api::Operation &operation,
    const EmulatorRequest &request, const QHash<QString, QString> &labels, EmulatorResponse *error)
{
    if (!operation.input)
        return QJsonObject();
    QJsonObject input;
    const QList<const api::Member *> bodyMembers = operation.inputMembers(Location::Body);
    if (!bodyMembers.isEmpty() && !request.body.trimmed().isEmpty()) {
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            // The reader words the refusal of a body that is no JSON object.
            RequestReader::fromBody(request.body, error);
            return std::nullopt;
        }
        const QJsonObject body = document.object();
        for (const api::Member *member : bodyMembers) {
            if (body.contains(member->name) && !body.value(member->name).isNull())
                input.insert(member->name, body.value(member->name));
        }
    }
    for (const api::Member *member : operation.inputMembers(Location::Uri)) {
        if (labels.contains(member->locationName))
            input.insert(member->name, labels.value(member->locationName));
    }
    const QJsonObject query = fromQuery(operation, request.query);
    for (auto it = query.constBegin(); it != query.constEnd(); ++it)
        input.insert(it.key(), it.value());
    for (const api::Member *member : operation.inputMembers(Location::Header)) {
        for (const auto &[name, value] : request.headers) {
            if (QString::fromLatin1(name).compare(member->locationName, Qt::CaseInsensitive) == 0)
                input.insert(member->name, typed(QString::fromUtf8(value), *member->shape));
        }
    }

    QList<ServiceErrors::Field> fields;
    for (const api::ValidationProblem &problem : api::ParamValidator::validate(*operation.input, input)) {
        if (problem.constraint == Constraint::Unknown)
            continue;
        const QString value = problem.constraint == Constraint::Required ? u"null"_s
            : problem.sensitive                                          ? RequestReader::redactedValue()
                                : RequestReader::shown(problem.value);
        fields.append({ serviceName(problem.path), serviceMessage(problem), value });
    }
    if (!fields.isEmpty()) {
        *error = ServiceErrors::validation(fields);
        return std::nullopt;
    }
    return input;
}

} // namespace mgn
