#pragma once

#include <QString>

namespace mgn {

// One item of a list response that could not be decoded; the page's other
// items are decoded all the same.
struct DecodeError final {
    qsizetype index = -1; // position in the page's "items"
    QString id; // the item's ID (sourceServerID, jobID, ...) when it could be read
    QString path; // full path of the offending value, e.g. "items[3].lifeCycle.state"
    QString message; // what was expected and what was found

    bool operator==(const DecodeError &) const = default;
};

} // namespace mgn
