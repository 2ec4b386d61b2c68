#pragma once

#include "app/cli/CliValue.h"
#include "models/api/ApiModel.h"

namespace mgn {

// botocore's ArgumentGenerator, which --generate-cli-skeleton prints: every
// member of the shape in model order, one element per list, one "KeyName"
// per map, "" (or the member's name) for strings, 0, 0.0, true, and
// 1970-01-01T00:00:00 for timestamps; a structure met again inside itself is
// {}. For an enum the CLI picks a random value; this picks the first.
class CliSkeleton final
{
public:
    // The input skeleton ({} when the operation takes nothing).
    static CliValue input(const api::Operation &operation);
    // What `--generate-cli-skeleton output` answers with: strings are the
    // names of their members (use_member_names).
    static CliValue output(const api::Operation &operation);
    static CliValue of(const api::Shape &shape, bool useMemberNames);
    // The input skeleton as the CLI prints it: json.dumps(indent=4) and a newline.
    static QByteArray inputText(const api::Operation &operation);
};

} // namespace mgn
