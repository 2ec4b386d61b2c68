#pragma once

#include <QJsonObject>
#include <QString>

namespace mgn {

class Fleet;

// The configuration members of a Fleet in the state file (FleetState's
// "configuration" member): documents as the API shows them, by owner.
namespace ConfigurationState {
QJsonObject toJson(const Fleet &fleet);
// Reads `object` into the fleet; false with *error naming the member when
// it is not what toJson writes. A file without the member (written before
// it existed) gives the account's defaults instead.
bool fromJson(const QJsonObject &object, Fleet &fleet, QString *error);
} // namespace ConfigurationState

} // namespace mgn
