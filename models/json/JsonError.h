#pragma once

#include <QString>

namespace mgn {

// Why a JSON value could not be decoded, and where: path is a JsonPath's text
// (empty for the document itself), message says what was expected and found.
struct JsonError final {
    QString path;
    QString message;

    // "path: message", or the message alone at the root.
    QString toString() const { return path.isEmpty() ? message : path + u": " + message; }
    bool operator==(const JsonError &) const = default;
};

} // namespace mgn
