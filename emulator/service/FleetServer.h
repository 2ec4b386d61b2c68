#pragma once

#include "emulator/service/ServerSimulation.h"
#include "models/domain/SourceServer.h"

namespace mgn {

// One source server of the emulated fleet: its API shape and its simulation.
struct FleetServer final {
    mgn::SourceServer server;
    ServerSimulation sim;

    bool operator==(const FleetServer &) const = default;
};

} // namespace mgn
