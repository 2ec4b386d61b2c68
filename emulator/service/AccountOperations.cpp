#include "emulator/service/AccountOperations.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/PlanningSupport.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

EmulatorResponse AccountOperations::initializeService(Fleet &fleet, const OperationCall &)
{
    // A second call succeeds too, as it does on AWS.
    fleet.initialized = true;
    return EmulatorResponse::empty(204);
}

EmulatorResponse AccountOperations::listManagedAccounts(Fleet &fleet, const OperationCall &call)
{
    return PlanningSupport::page(call, QJsonArray { QJsonObject { { "accountId"_L1, fleet.accountId } } });
}

} // namespace mgn
