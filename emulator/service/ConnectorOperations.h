#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/OperationCall.h"

namespace mgn {

class Fleet;

// Connectors: the SSM-managed instances that run actions on source servers
// (CreateConnector, UpdateConnector, DeleteConnector, ListConnectors). A
// connector a source server's connectorAction names is not deleted
// (ValidationException, the error the model declares).
namespace ConnectorOperations {
EmulatorResponse create(Fleet &fleet, const OperationCall &call);
EmulatorResponse update(Fleet &fleet, const OperationCall &call);
EmulatorResponse remove(Fleet &fleet, const OperationCall &call);
EmulatorResponse list(Fleet &fleet, const OperationCall &call);
} // namespace ConnectorOperations

} // namespace mgn
