#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// StartExport, ListExports, ListExportErrors, StartImport, ListImports and
// ListImportErrors, with S3 played by a folder (Fleet::s3Root, --s3-root):
// s3://bucket/key is <root>/bucket/key, a bucket is a folder under it.
// Tasks run at once: StartExport answers a task that has SUCCEEDED (the
// CSV of FleetCsv written) or FAILED (its reason in ListExportErrors);
// StartImport one that has SUCCEEDED, its refused rows in ListImportErrors.
// Without a root every operation that reads or writes S3 answers a
// ValidationException saying so.
namespace ImportExportOperations {
EmulatorResponse startExport(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse listExports(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse listExportErrors(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse startImport(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse listImports(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse listImportErrors(Fleet &fleet, const EmulatorRequest &request);
} // namespace ImportExportOperations

} // namespace mgn
