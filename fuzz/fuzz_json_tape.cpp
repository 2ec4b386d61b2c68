// JsonTape against QJsonDocument: whatever JsonTape accepts, QJsonDocument
// accepts too, as an object with the same members and values. (What JsonTape
// refuses goes to QJsonDocument anyway; see JsonTape.h.)
#include "fuzz/FuzzCheck.h"
#include "models/json/JsonTape.h"
#include "tests/support/JsonTapeToJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstddef>
#include <cstdint>

using namespace mgn;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<mgn::JsonTape> tape = mgn::JsonTape::parse(text);
    if (!tape)
        return 0;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    MGN_FUZZ_CHECK(error.error == QJsonParseError::NoError);
    MGN_FUZZ_CHECK(document.isObject());
    MGN_FUZZ_CHECK(jsonTapeToJson(tape->root()) == QJsonValue(document.object()));
    return 0;
}
