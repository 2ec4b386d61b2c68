#include "models/json/JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace mgn::JsonBody {

std::optional<QJsonObject> parseObject(const QByteArray &body, std::optional<JsonError> &error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error = JsonError { QString(),
            u"the response is not valid JSON: %1 at offset %2 of %3 bytes"_s.arg(parseError.errorString())
                .arg(qMin(qsizetype(parseError.offset), body.size())) // Qt may point one past the end
                .arg(body.size()) };
        return std::nullopt;
    }
    if (!document.isObject()) {
        // fromJson accepts nothing but an object or an array at the top level.
        error = JsonError { QString(), u"expected a JSON object at the top level, got an array"_s };
        return std::nullopt;
    }
    return document.object();
}

} // namespace mgn::JsonBody
