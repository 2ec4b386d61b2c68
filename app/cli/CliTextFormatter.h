#pragma once

#include "app/cli/CliValue.h"

#include <QString>

namespace mgn {

// The AWS CLI's --output text for one document, byte for byte: what
// awscli/text.py's format_text writes (awscli 1.x). A paginated answer is
// formatted page by page by the caller, as awscli's TextFormatter does.
//
//  - A scalar is printed with Python's str() and a newline (None, True, 1.5).
//  - A dict prints its scalar values on one line, tab-separated, in key
//    order, after the uppercased key it is found under (none at the top),
//    then each nested value under its own key, in key order.
//  - A list of scalars is one tab-separated line, or one "KEY\tvalue" line
//    per element under a key. A list of dicts prints one line per dict with
//    the values of the scalar keys of all of them, sorted, "" where a dict
//    lacks one (a nested value there is printed with repr()).
//  - Empty lists and dicts print nothing.
//
// Where awscli raises instead (a list that mixes dicts with other values),
// the text stops where awscli's did: what it had written before the error.
class CliTextFormatter final
{
public:
    static QString format(const CliValue &document);
};

} // namespace mgn
