#pragma once

#include "emulator/service/PlanningRecord.h"

#include <QJsonObject>

namespace mgn {

class Fleet;

// Applications and waves as the service answers them (the Application and
// Wave shapes), with their aggregated status computed from their members as
// of now: an application's from its source servers, a wave's from its
// applications. Health is the worst member's (ERROR: replication stalled or
// failing; LAGGING: catching up on a backlog or rescanning); progress is
// NOT_STARTED while every member is (no server past NOT_READY), COMPLETED
// once every member is (cut over or disconnected), IN_PROGRESS in between.
namespace PlanningStatus {
QJsonObject application(const Fleet &fleet, const PlanningRecord &application);
QJsonObject wave(const Fleet &fleet, const PlanningRecord &wave);
// A connector as the Connector shape.
QJsonObject connector(const PlanningRecord &connector);
} // namespace PlanningStatus

} // namespace mgn
