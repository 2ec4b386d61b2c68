#pragma once

#include "models/api/ApiModel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace mgn::api {

// One request as the rest-json protocol puts an operation's input on the
// wire, before an endpoint, signing or transport are involved.
struct SerializedRequest final {
    QByteArray method;
    // The request URI with its labels filled, percent-encoded: "/tags/arn%3Aaws%3A...".
    QString path;
    // In the input shape's member order, list members once per item; not
    // encoded (the URL is built with RFC 3986 encoding of each name and value).
    QList<std::pair<QString, QString>> query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    // The JSON body, compact; nullopt when the request has none.
    std::optional<QByteArray> body;
};

// botocore's RestJSONSerializer (serialize.py) for this model, driven by the
// operation's descriptor:
//   - URI labels: "{x}" percent-encodes everything but the unreserved
//     characters, a greedy "{x+}" keeps '/' as well;
//   - query members: a list repeats its name per item, a map adds its
//     entries, booleans are true/false, timestamps ISO 8601;
//   - header members: lists joined with ',', timestamps as HTTP dates;
//   - the body: a JSON object of the body members that are set (timestamps
//     in epoch seconds, blobs in base64), "{}" when the input shape has body
//     members but none is set, none when only located members exist or the
//     operation takes no input; Content-Type application/json with a body.
// Top-level members that are null are left out, as botocore leaves out None;
// members the shape does not have are ignored (ParamValidator reports them).
// An idempotency token member that is not set gets a fresh random UUID.
// The input is not validated here: that is ParamValidator's job.
class RestJsonSerializer final
{
public:
    static SerializedRequest serialize(const Operation &op, const QJsonObject &input);
};

} // namespace mgn::api
