#pragma once

#include <QString>

namespace mgn {

class Fleet;

// The planning part of a generated fleet: applications with realistic names
// (the IDs FleetGenerator gives its servers) grouped into two waves.
// Deterministic from the IDs and the clock alone: it draws nothing from the
// server generation's random stream, so the servers stay as they were.
namespace PlanningGenerator {
// The application `number` (0-based) of the fleet, with that ID.
void addApplication(Fleet &fleet, const QString &applicationID, int number, qint64 wallMsecs);
// Waves for the applications added so far: the first half in the first
// wave, the rest in the second.
void addWaves(Fleet &fleet, qint64 wallMsecs);
} // namespace PlanningGenerator

} // namespace mgn
