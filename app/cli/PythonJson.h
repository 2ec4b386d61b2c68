#pragma once

#include "app/cli/CliValue.h"

#include <QByteArray>

namespace mgn {

// JSON text exactly as Python's json.dumps(value, indent=4) writes it: ", "
// and ": " separators, four spaces per level, "[]" and "{}" when empty,
// floats as repr() writes them, and with `ensureAscii` every character past
// ASCII as \uXXXX (the AWS CLI's skeletons); without it (the CLI's output)
// only quotes, backslashes and control characters are escaped.
class PythonJson final
{
public:
    static QByteArray dumps(const CliValue &value, bool ensureAscii, int indent = 4);
    // repr() of a float: "0.0", "1.5", "1e+16".
    static QByteArray floatRepr(double value);
};

} // namespace mgn
