#include "models/api/ApiModel.h"

#include "models/json/JsonTape.h"

#include <QFile>

namespace mgn::api {

using namespace Qt::Literals::StringLiterals;

namespace {

std::optional<ShapeType> shapeType(const QString &type)
{
    static const QHash<QString, ShapeType> types = {
        { u"structure"_s, ShapeType::Structure },
        { u"list"_s, ShapeType::List },
        { u"map"_s, ShapeType::Map },
        { u"string"_s, ShapeType::String },
        { u"integer"_s, ShapeType::Integer },
        { u"long"_s, ShapeType::Long },
        { u"float"_s, ShapeType::Float },
        { u"double"_s, ShapeType::Double },
        { u"boolean"_s, ShapeType::Boolean },
        { u"timestamp"_s, ShapeType::Timestamp },
        { u"blob"_s, ShapeType::Blob },
    };
    const auto it = types.constFind(type);
    return it == types.constEnd() ? std::nullopt : std::optional(*it);
}

std::optional<Location> location(const QString &name)
{
    if (name.isEmpty())
        return Location::Body;
    if (name == u"uri")
        return Location::Uri;
    if (name == u"querystring")
        return Location::Query;
    if (name == u"header")
        return Location::Header;
    return std::nullopt;
}

// The model is read from a JsonTape because member order matters (the AWS
// CLI prints a structure's members in the model's order) and QJsonObject
// sorts its keys.
JsonTape::Value memberOf(JsonTape::Value object, QLatin1StringView key)
{
    if (!object.isValid() || object.type() != JsonTape::Type::Object)
        return {};
    return object.member(key);
}

QString text(JsonTape::Value object, QLatin1StringView key)
{
    const JsonTape::Value value = memberOf(object, key);
    return value.isValid() && value.type() == JsonTape::Type::String ? value.toString() : QString();
}

bool flag(JsonTape::Value object, QLatin1StringView key)
{
    const JsonTape::Value value = memberOf(object, key);
    return value.isValid() && value.type() == JsonTape::Type::Bool && value.toBool();
}

std::optional<double> number(JsonTape::Value object, QLatin1StringView key)
{
    const JsonTape::Value value = memberOf(object, key);
    if (!value.isValid() || value.type() != JsonTape::Type::Number)
        return std::nullopt;
    return value.toDouble();
}

// Calls visit(name, value) for each member of an object, in document order.
template<typename Visit> void forEachMember(JsonTape::Value object, Visit visit)
{
    if (!object.isValid() || object.type() != JsonTape::Type::Object)
        return;
    for (JsonTape::Value name = object.firstChild(); name.isValid(); name = name.next().next())
        visit(name.toString(), name.next());
}

QStringList strings(JsonTape::Value array)
{
    QStringList list;
    if (!array.isValid() || array.type() != JsonTape::Type::Array)
        return list;
    for (JsonTape::Value item = array.firstChild(); item.isValid(); item = item.next())
        list.append(item.toString());
    return list;
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The API model %s is not in this build: %s", qPrintable(path), qPrintable(file.errorString()));
    return file.readAll();
}

} // namespace

const Member *Shape::findMember(QStringView memberName) const
{
    for (const Member &m : members) {
        if (m.name == memberName)
            return &m;
    }
    return nullptr;
}

bool Shape::isNumber() const
{
    return type == ShapeType::Integer || type == ShapeType::Long || type == ShapeType::Float
        || type == ShapeType::Double;
}

QList<const Member *> Operation::inputMembers(Location where) const
{
    QList<const Member *> found;
    if (!input)
        return found;
    for (const Member &m : input->members) {
        if (m.location == where)
            found.append(&m);
    }
    return found;
}

const ApiModel &ApiModel::mgn()
{
    // A function-local static: initialised once, thread-safe.
    static const std::unique_ptr<ApiModel> model = [] {
        QString error;
        auto loaded = fromJson(readResource(u":/mgn/api/service-2.json"_s),
            readResource(u":/mgn/api/paginators-1.json"_s), &error);
        if (!loaded)
            qFatal("The embedded API model does not read: %s", qPrintable(error));
        return loaded;
    }();
    return *model;
}

std::unique_ptr<ApiModel> ApiModel::fromJson(
    const QByteArray &service, const QByteArray &paginators, QString *error)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return std::unique_ptr<ApiModel>();
    };
    const std::optional<JsonTape> serviceTape = JsonTape::parse(service);
    if (!serviceTape)
        return fail(u"service-2.json is not a JSON object"_s);
    const std::optional<JsonTape> paginatorTape = JsonTape::parse(paginators);
    if (!paginatorTape)
        return fail(u"paginators-1.json is not a JSON object"_s);

    std::unique_ptr<ApiModel> model(new ApiModel);
    const JsonTape::Value root = serviceTape->root();
    const JsonTape::Value metadata = memberOf(root, "metadata"_L1);
    model->m_apiVersion = text(metadata, "apiVersion"_L1);
    model->m_serviceFullName = text(metadata, "serviceFullName"_L1);
    model->m_signingName = text(metadata, "signingName"_L1);
    model->m_endpointPrefix = text(metadata, "endpointPrefix"_L1);
    model->m_protocol = text(metadata, "protocol"_L1);
    model->m_documentation = text(root, "documentation"_L1);
    if (model->m_protocol != u"rest-json")
        return fail(u"protocol %1 is not rest-json"_s.arg(model->m_protocol));

    // Two passes: every shape exists before any member points at one.
    const JsonTape::Value shapes = memberOf(root, "shapes"_L1);
    forEachMember(shapes, [&model](const QString &name, JsonTape::Value) {
        auto shape = std::make_unique<Shape>();
        shape->name = name;
        model->m_shapeIndex.insert(name, shape.get());
        model->m_shapes.push_back(std::move(shape));
    });
    if (model->m_shapes.empty())
        return fail(u"service-2.json has no shapes"_s);
    auto shapeRef = [&model](JsonTape::Value reference) -> const Shape * {
        return model->m_shapeIndex.value(text(reference, "shape"_L1));
    };

    QString problem;
    forEachMember(shapes, [&](const QString &name, JsonTape::Value json) {
        if (!problem.isEmpty())
            return;
        Shape &shape = *const_cast<Shape *>(model->m_shapeIndex.value(name));
        const auto type = shapeType(text(json, "type"_L1));
        if (!type) {
            problem = u"shape %1 has the unknown type %2"_s.arg(name, text(json, "type"_L1));
            return;
        }
        shape.type = *type;
        shape.min = number(json, "min"_L1);
        shape.max = number(json, "max"_L1);
        shape.pattern = text(json, "pattern"_L1);
        shape.enumValues = strings(memberOf(json, "enum"_L1));
        shape.isUnion = flag(json, "union"_L1);
        shape.sensitive = flag(json, "sensitive"_L1);
        shape.documentation = text(json, "documentation"_L1);
        if (flag(json, "exception"_L1)) {
            const JsonTape::Value trait = memberOf(json, "error"_L1);
            shape.isError = true;
            shape.errorCode = text(trait, "code"_L1);
            if (shape.errorCode.isEmpty())
                shape.errorCode = name;
            shape.httpStatus = int(number(trait, "httpStatusCode"_L1).value_or(400));
            shape.fault = flag(json, "fault"_L1);
        }
        if (shape.type == ShapeType::List) {
            shape.member = shapeRef(memberOf(json, "member"_L1));
            if (!shape.member)
                problem = u"list %1 has no member shape"_s.arg(name);
        } else if (shape.type == ShapeType::Map) {
            shape.key = shapeRef(memberOf(json, "key"_L1));
            shape.value = shapeRef(memberOf(json, "value"_L1));
            if (!shape.key || !shape.value)
                problem = u"map %1 lacks its key or value shape"_s.arg(name);
        }
        const QStringList required = strings(memberOf(json, "required"_L1));
        forEachMember(memberOf(json, "members"_L1), [&](const QString &memberName, JsonTape::Value ref) {
            Member m;
            m.name = memberName;
            m.shape = shapeRef(ref);
            const auto where = location(text(ref, "location"_L1));
            if (!m.shape || !where) {
                problem = u"member %1.%2 has an unknown shape or location"_s.arg(name, memberName);
                return;
            }
            m.location = *where;
            m.locationName = m.location == Location::Body ? QString() : text(ref, "locationName"_L1);
            if (m.location != Location::Body && m.locationName.isEmpty())
                m.locationName = memberName;
            m.required = required.contains(memberName);
            m.idempotencyToken = flag(ref, "idempotencyToken"_L1);
            m.documentation = text(ref, "documentation"_L1);
            shape.members.append(std::move(m));
        });
    });
    if (!problem.isEmpty())
        return fail(problem);

    const JsonTape::Value pages = paginatorTape->root().member("pagination"_L1);
    forEachMember(memberOf(root, "operations"_L1), [&](const QString &name, JsonTape::Value json) {
        if (!problem.isEmpty())
            return;
        Operation op;
        op.name = name;
        const JsonTape::Value http = memberOf(json, "http"_L1);
        op.method = text(http, "method"_L1).toLatin1();
        op.requestUri = text(http, "requestUri"_L1);
        op.responseCode = int(number(http, "responseCode"_L1).value_or(200));
        const JsonTape::Value input = memberOf(json, "input"_L1);
        const JsonTape::Value output = memberOf(json, "output"_L1);
        op.input = input.isValid() ? shapeRef(input) : nullptr;
        op.output = output.isValid() ? shapeRef(output) : nullptr;
        if ((input.isValid() && !op.input) || (output.isValid() && !op.output) || op.method.isEmpty()
            || !op.requestUri.startsWith(u'/')) {
            problem = u"operation %1 is incomplete"_s.arg(name);
            return;
        }
        const JsonTape::Value errors = memberOf(json, "errors"_L1);
        if (errors.isValid() && errors.type() == JsonTape::Type::Array) {
            for (JsonTape::Value e = errors.firstChild(); e.isValid(); e = e.next()) {
                if (const Shape *shape = shapeRef(e))
                    op.errors.append(shape);
            }
        }
        op.idempotent = flag(json, "idempotent"_L1);
        op.documentation = text(json, "documentation"_L1);
        const JsonTape::Value paging = memberOf(pages, QLatin1StringView(name.toLatin1()));
        if (paging.isValid()) {
            Paginator paginator;
            paginator.inputToken = text(paging, "input_token"_L1);
            paginator.outputToken = text(paging, "output_token"_L1);
            paginator.limitKey = text(paging, "limit_key"_L1);
            const JsonTape::Value result = memberOf(paging, "result_key"_L1);
            paginator.resultKeys = result.isValid() && result.type() == JsonTape::Type::Array
                ? strings(result)
                : QStringList { text(paging, "result_key"_L1) };
            op.paginator = std::move(paginator);
        }
        model->m_operationIndex.insert(name, qsizetype(model->m_operations.size()));
        model->m_operations.push_back(std::move(op));
    });
    if (!problem.isEmpty())
        return fail(problem);
    return model;
}

const Operation *ApiModel::operation(QStringView name) const
{
    const auto it = m_operationIndex.constFind(name.toString());
    return it == m_operationIndex.constEnd() ? nullptr : &m_operations[std::size_t(*it)];
}

const Shape *ApiModel::shape(QStringView name) const
{
    return m_shapeIndex.value(name.toString());
}

} // namespace mgn::api
