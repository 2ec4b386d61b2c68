#pragma once

#include "emulator/service/Fleet.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mgn {

// The whole state of the emulated account as one JSON document: servers with
// their simulation records, jobs with their logs and pending steps, vCenter
// clients, the ID stream and the simulated time. Resources are written with
// the API codecs (SourceServerCodec, JobCodec, JobLogCodec,
// VcenterClientCodec), so the file reads like the service's answers.
//
// save() writes through QSaveFile: the old file stays until the new one is
// complete, so a kill never leaves a torn file. load() reads all or nothing:
// any fault gives an error naming the file and the place, and no fleet.
namespace FleetState {
inline constexpr int version = 1;

QJsonObject toJson(const Fleet &fleet);
// Times come back as saved; the caller re-anchors (Fleet::anchorAt).
std::optional<Fleet> fromJson(const QJsonObject &object, QString *error);

bool save(const Fleet &fleet, const QString &path, QString *error);
std::optional<Fleet> load(const QString &path, QString *error);
} // namespace FleetState

} // namespace mgn
