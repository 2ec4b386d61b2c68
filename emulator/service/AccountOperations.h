#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/OperationCall.h"

namespace mgn {

class Fleet;

// The account itself: InitializeService, and ListManagedAccounts, which
// lists the one account the emulator plays (it manages no others).
namespace AccountOperations {
EmulatorResponse initializeService(Fleet &fleet, const OperationCall &call);
EmulatorResponse listManagedAccounts(Fleet &fleet, const OperationCall &call);
} // namespace AccountOperations

} // namespace mgn
