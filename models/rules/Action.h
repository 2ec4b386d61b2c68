#pragma once

#include <QtGlobal>

#include <array>

namespace mgn {

// Every action the dashboard offers on source servers (and vCenter clients),
// one per row of the ActionRules table.
enum class Action : quint8 {
    MarkReadyForTest,
    MarkReadyForCutover,
    StartTest,
    StartCutover,
    FinalizeCutover,
    TerminateTargetInstances,
    StartReplication,
    StopReplication,
    PauseReplication,
    ResumeReplication,
    RetryDataReplication,
    ChangeReplicationType,
    DisconnectFromService,
    MarkAsArchived,
    DeleteSourceServer,
    DeleteVcenterClient,
};

inline constexpr std::array<Action, 16> allActions { {
    Action::MarkReadyForTest,
    Action::MarkReadyForCutover,
    Action::StartTest,
    Action::StartCutover,
    Action::FinalizeCutover,
    Action::TerminateTargetInstances,
    Action::StartReplication,
    Action::StopReplication,
    Action::PauseReplication,
    Action::ResumeReplication,
    Action::RetryDataReplication,
    Action::ChangeReplicationType,
    Action::DisconnectFromService,
    Action::MarkAsArchived,
    Action::DeleteSourceServer,
    Action::DeleteVcenterClient,
} };

} // namespace mgn
