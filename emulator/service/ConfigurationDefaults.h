#pragma once

#include <QJsonObject>
#include <QLatin1String>
#include <QString>

namespace mgn {

class Fleet;
struct FleetServer;

// What a real account holds after InitializeService, and what a server gets
// from it: the replication template (staging subnet, t3.small replication
// servers, default EBS encryption, no throttling, private data routing), the
// launch template with the console's post-launch actions, and each server's
// launch and replication configuration made from them.
namespace ConfigurationDefaults {
// Adds the account's templates and template actions when it has none.
void addAccountDefaults(Fleet &fleet);

// A server's configuration made from the account's first template: its
// disks, its hostname, its OS's licensing and a launch template of its own.
QJsonObject launchConfiguration(const Fleet &fleet, const FleetServer &server);
QJsonObject replicationConfiguration(const Fleet &fleet, const FleetServer &server);

// The stored configuration of the server, or the one made from the templates.
QJsonObject currentLaunchConfiguration(const Fleet &fleet, qsizetype serverIndex);
QJsonObject currentReplicationConfiguration(const Fleet &fleet, qsizetype serverIndex);
// Stores the configurations a server starting replication takes from the
// templates, unless it has some.
void applyTemplates(Fleet &fleet, qsizetype serverIndex);
} // namespace ConfigurationDefaults

} // namespace mgn
