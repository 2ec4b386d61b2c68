#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// Post-launch custom actions of a source server (PutSourceServerAction,
// RemoveSourceServerAction, ListSourceServerActions) and of a launch
// configuration template (PutTemplateAction, RemoveTemplateAction,
// ListTemplateActions). Put creates the action or replaces the one with its
// actionID; an order another action of the same server or template has is a
// ConflictException. Lists are in order, filtered by actionIDs and paged.
namespace PostLaunchActionOperations {
EmulatorResponse putSourceServerAction(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse removeSourceServerAction(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse listSourceServerActions(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse putTemplateAction(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse removeTemplateAction(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse listTemplateActions(Fleet &fleet, const EmulatorRequest &request);
} // namespace PostLaunchActionOperations

} // namespace mgn
