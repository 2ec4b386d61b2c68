#pragma once

#include "emulator/service/Fleet.h"

#include <QString>

namespace mgn {

// A fleet drawn from a seed: the same parameters and the same clock give the
// same fleet, byte for byte. Servers have realistic names (web-prod-01,
// sql-03), FQDNs, operating systems, CPUs, RAM, 1-8 disks, NICs, tags and a
// recommended instance type; about a quarter replicate agentless (snapshot
// shipping, through one of the generated vCenter clients). Every lifecycle
// state and every data replication state occurs (once the fleet has 20
// servers or more), each in a consistent combination: NOT_READY servers are
// initiating or syncing with a null lag, READY_FOR_TEST ones have a lag,
// TESTING / CUTTING_OVER ones have the launch job that put them there, CUTOVER
// and DISCONNECTED ones are disconnected and half of them archived. The
// account has the templates of ConfigurationDefaults.
namespace FleetGenerator {
struct Parameters final {
    int servers = 50;
    quint32 seed = 1;
    double speed = 1.0;
    QString accountId;
    QString region;
};

Fleet generate(const Parameters &parameters, qint64 wallMsecs);
} // namespace FleetGenerator

} // namespace mgn
