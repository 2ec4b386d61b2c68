#pragma once

#include "emulator/service/EmulatorResponse.h"

#include <QJsonObject>

#include <optional>

namespace mgn {

// The rules a launch configuration and a launch configuration template
// share, checked on the settings as they would be after the change.
namespace LaunchSettingsRules {
// ValidationException when map auto-tagging is on without an MPE ID,
// parameter encryption is on without a key, or two SSM documents of the
// post-launch actions share an actionName.
std::optional<EmulatorResponse> check(const QJsonObject &settings);
} // namespace LaunchSettingsRules

} // namespace mgn
