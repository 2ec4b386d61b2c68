#include "emulator/service/LaunchConfigurationOperations.h"

#include "emulator/service/ConfigurationDefaults.h"
#include "emulator/service/ConfigurationSupport.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/LaunchSettingsRules.h"
#include "emulator/service/ModelInput.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

EmulatorResponse LaunchConfigurationOperations::get(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read("GetLaunchConfiguration"_L1, request, &error);
    if (!input)
        return error;
    const auto index = ConfigurationSupport::server(fleet, *input, &error);
    if (!index)
        return error;
    return EmulatorResponse::json(200, ConfigurationDefaults::currentLaunchConfiguration(fleet, *index));
}

EmulatorResponse LaunchConfigurationOperations::update(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read("UpdateLaunchConfiguration"_L1, request, &error);
    if (!input)
        return error;
    const auto index = ConfigurationSupport::server(fleet, *input, &error);
    if (!index)
        return error;
    if (input->value("bootMode"_L1).toString() == "USE_SOURCE"_L1)
        return ConfigurationSupport::invalid(u"bootMode"_s,
            u"Member must be LEGACY_BIOS or UEFI when a launch configuration is updated"_s,
            u"'USE_SOURCE'"_s);
    const QJsonObject updated = ModelInput::merge(ModelInput::shape("LaunchConfiguration"_L1),
        ConfigurationDefaults::currentLaunchConfiguration(fleet, *index), *input);
    if (auto refusal = LaunchSettingsRules::check(updated))
        return *refusal;
    if (auto refusal = ConfigurationSupport::refuseDisconnected(fleet, *index, u"launch settings"_s))
        return *refusal;
    fleet.launchConfigurations.insert(updated.value("sourceServerID"_L1).toString(), updated);
    return EmulatorResponse::json(200, updated);
}

} // namespace mgn
