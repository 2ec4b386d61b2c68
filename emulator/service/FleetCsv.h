#pragma once

#include "emulator/service/CsvTable.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mgn {

class Fleet;

// The fleet as the CSV of MGN's import and export: one row per source
// server. Columns of the MGN import template: mgn:account-id, mgn:region,
// mgn:wave:name, mgn:app:name, mgn:server:user-provided-id,
// mgn:server:platform, mgn:server:fqdn-for-action-framework and
// mgn:server:tag:<key>. The launch settings are columns of the emulator's
// own in the same scheme: mgn:launch:launch-disposition,
// mgn:launch:right-sizing-method, mgn:launch:copy-private-ip,
// mgn:launch:copy-tags, mgn:launch:os-byol, mgn:launch:boot-mode.
//
// Until the fleet has applications and waves of their own, an application
// is its ID (mgn:app:name holds the server's applicationID) and waves are
// written empty and read as nothing.
namespace FleetCsv {
CsvTable exportTable(const Fleet &fleet);

// What an import did: counts for ImportTaskSummary and one ImportTaskError
// per refused row.
struct ImportResult final {
    int serversModified = 0;
    int applicationsCreated = 0;
    QJsonArray errors;
};
// Applies each row to the server it names (user-provided ID or source
// server ID); a row is applied whole or refused whole. `now` dates the errors.
ImportResult importTable(Fleet &fleet, const CsvTable &table, const QString &now);
} // namespace FleetCsv

} // namespace mgn
