#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"
#include "models/api/ApiModel.h"

#include <QJsonObject>

namespace mgn {

// One request routed to its operation and validated against the model: the
// input document holds every member the caller sent, from the body, the
// path, the query and the headers, under the model's member names.
struct OperationCall final {
    const mgn::api::Operation &operation;
    const EmulatorRequest &request;
    QJsonObject input;
};

class Fleet;

// What answers one operation (MgnService's table).
using OperationHandler = EmulatorResponse (*)(Fleet &fleet, const OperationCall &call);

} // namespace mgn
