#pragma once

#include "ServerSimulation.h"
#include "SourceServer.h"

// One source server of the emulated fleet: its API shape and its simulation.
struct FleetServer {
    mgn::SourceServer server;
    ServerSimulation sim;

    bool operator==(const FleetServer &) const = default;
};
