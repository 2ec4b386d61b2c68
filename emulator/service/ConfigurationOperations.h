#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

#include <QByteArray>

namespace mgn {

class Fleet;

// The configuration operations by path (POST /<Operation>): launch and
// replication configurations, their templates, post-launch actions, import
// and export. MgnService asks here for a path it does not route itself.
namespace ConfigurationOperations {
using Handler = EmulatorResponse (*)(Fleet &fleet, const EmulatorRequest &request);
// nullptr when the path is not one of them.
Handler find(const QByteArray &path);
} // namespace ConfigurationOperations

} // namespace mgn
