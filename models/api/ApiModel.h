#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>
#include <vector>

namespace mgn::api {

// The MGN API model (botocore's service-2.json and paginators-1.json, under
// models/api/model/) read into descriptors: every shape and every operation
// as the model declares them, nothing added by hand. The wire layer
// (RestJsonSerializer, ParamValidator, the CLI) is driven by these, the way
// botocore is driven by the same files; a new model version is taken in by
// copying the two files (docs/ARCHITECTURE.md).

enum class ShapeType : quint8 {
    Structure,
    List,
    Map,
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Timestamp,
    Blob
};

// Where an input member goes on the wire (rest-json).
enum class Location : quint8 { Body, Uri, Query, Header };

struct Shape;

struct Member final {
    QString name; // as in the model and in the JSON body: "sourceServerIDs"
    const Shape *shape = nullptr;
    Location location = Location::Body;
    QString locationName; // the name in the path, query or header; empty in the body
    bool required = false;
    bool idempotencyToken = false; // filled with a fresh UUID when not given
    QString documentation; // HTML, as in the model
};

struct Shape final {
    QString name;
    ShapeType type = ShapeType::String;
    QList<Member> members; // Structure: in model order
    const Shape *member = nullptr; // List: the element
    const Shape *key = nullptr; // Map
    const Shape *value = nullptr; // Map
    // Length of a string, list or map; value of a number.
    std::optional<double> min;
    std::optional<double> max;
    QString pattern; // ECMAScript, not anchored (Smithy's @pattern)
    QStringList enumValues;
    bool isUnion = false; // exactly one member set
    bool sensitive = false;
    bool isError = false; // an exception shape
    QString errorCode; // isError: the code on the wire (the shape name unless the model says)
    int httpStatus = 0; // isError
    bool fault = false; // isError: the server's fault rather than the caller's
    QString documentation;

    const Member *findMember(QStringView memberName) const;
    bool isNumber() const;
};

struct Paginator final {
    QString inputToken; // "nextToken"
    QString outputToken; // "nextToken"
    QString limitKey; // "maxResults"; empty when the operation has none
    QStringList resultKeys; // "items"
};

struct Operation final {
    QString name; // "CreateApplication"
    QByteArray method; // "POST"
    QString requestUri; // "/CreateApplication", "/tags/{resourceArn}"; greedy labels end in '+'
    int responseCode = 200;
    const Shape *input = nullptr; // nullptr: the operation takes nothing
    const Shape *output = nullptr; // nullptr: the answer has no members
    QList<const Shape *> errors;
    bool idempotent = false; // the model's "idempotent" trait
    std::optional<Paginator> paginator;
    QString documentation;

    // Input members by where they go.
    QList<const Member *> inputMembers(Location location) const;
};

class ApiModel final
{
public:
    // The model embedded in this build (the resource :/mgn/api/), read once,
    // on first use, from any thread. A model that does not read is a build
    // defect: it aborts with the reason.
    static const ApiModel &mgn();

    // A model from the two documents; nullptr with `error` set when they are
    // not a model this reader understands.
    static std::unique_ptr<ApiModel> fromJson(
        const QByteArray &service, const QByteArray &paginators, QString *error);

    const QString &apiVersion() const { return m_apiVersion; }
    const QString &serviceFullName() const { return m_serviceFullName; }
    const QString &signingName() const { return m_signingName; }
    const QString &endpointPrefix() const { return m_endpointPrefix; }
    const QString &protocol() const { return m_protocol; }
    const QString &documentation() const { return m_documentation; }

    // In the model's order (which is by name).
    const std::vector<Operation> &operations() const { return m_operations; }
    const Operation *operation(QStringView name) const;
    const Shape *shape(QStringView name) const;
    qsizetype shapeCount() const { return qsizetype(m_shapes.size()); }

    ApiModel(const ApiModel &) = delete;
    ApiModel &operator=(const ApiModel &) = delete;

private:
    ApiModel() = default;

    QString m_apiVersion;
    QString m_serviceFullName;
    QString m_signingName;
    QString m_endpointPrefix;
    QString m_protocol;
    QString m_documentation;
    // unique_ptr: members and operations point at shapes, so they never move.
    std::vector<std::unique_ptr<Shape>> m_shapes;
    QHash<QString, const Shape *> m_shapeIndex;
    std::vector<Operation> m_operations;
    QHash<QString, qsizetype> m_operationIndex;
};

} // namespace mgn::api
