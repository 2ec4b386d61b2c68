#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/OperationCall.h"
#include "models/rules/Action.h"

namespace mgn {

class Fleet;

// The job operations: StartTest, StartCutover and TerminateTargetInstances
// (up to 200 servers in one call, 202 with the new job), DescribeJobs (newest
// first, filters jobIDs / fromDate / toDate) and DescribeJobLogItems.
//
// When some of the servers of a bulk call are not eligible, the whole call is
// refused with one ConflictException whose `errors` name each refused server
// and its reason, and no job starts: the API documents no partial start, and
// a job that quietly leaves servers out is worse for a runbook than a clear
// refusal (the dashboard sends only the eligible ones, see ActionRules). IDs
// that name no server are refused the same way, as a ValidationException on
// sourceServerIDs: the model declares no ResourceNotFoundException for these
// calls. Duplicate IDs count once.
namespace JobOperations {
// StartTest, StartCutover or TerminateTargetInstances.
EmulatorResponse start(Fleet &fleet, const EmulatorRequest &request, mgn::Action action);
EmulatorResponse describeJobs(Fleet &fleet, const EmulatorRequest &request);
// An unknown jobID lists nothing, as DescribeJobs' jobIDs filter does
// (the model declares no ResourceNotFoundException for this call).
EmulatorResponse describeJobLogItems(Fleet &fleet, const EmulatorRequest &request);
// DeleteJob: only a finished job (COMPLETED) goes; one still running is
// refused with ConflictException.
EmulatorResponse remove(Fleet &fleet, const OperationCall &call);
} // namespace JobOperations

} // namespace mgn
