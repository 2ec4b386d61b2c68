#pragma once

#include "models/domain/SourceServer.h"

#include <QString>

#include <optional>

namespace mgn {

// What the MGN console shows for a source server, derived from the API values
// only (DESIGN.md, "What the console shows"). Each derivation is a table in
// ConsoleStatus.cpp with the console's wording; tests cover every row.
namespace ConsoleStatus {
// The console's "Alerts" column.
enum class Alert { None, Launched, Lagging, Stalled };
// The colour family the console uses for the replication status.
enum class Health { Neutral, Healthy, TemporaryIssue, Stalled };

// "Not ready", "Ready for testing", "Test in progress", ..., the raw text
// for a lifecycle state this build does not know, empty when absent.
QString lifeCycleLabel(const SourceServer &server);
// "Initiating", "Initial sync 42%", "Healthy", "Lag 01:02:03",
// "Backlog 12 MiB", "Rescanning 7%", "Stalled", "Paused", ...; "Not started"
// when no state is reported, the raw text for one this build does not know.
QString replicationStatusText(const SourceServer &server);
Health health(const SourceServer &server);
// Stalled beats Lagging (lag at or above the threshold, backlog, rescan)
// beats Launched (an EC2 instance ID is reported).
Alert alert(const SourceServer &server);
// Empty for None: the console shows no indication.
QString alertText(Alert alert);
// "Wait for initial sync to complete", "Launch test instance", ...
QString nextStep(const SourceServer &server);

// Sum of replicated / sum of total bytes over the replicated disks, 0..1;
// nullopt when no disk reports a total (or the totals are zero, as after
// a finalized cutover or a disconnect).
std::optional<double> replicationProgress(const SourceServer &server);
// Sum of rescanned / sum of total bytes, 0..1; nullopt when unknown.
std::optional<double> rescanProgress(const SourceServer &server);
// Sum of backloggedStorageBytes; nullopt when no disk reports it.
std::optional<qint64> backlogBytes(const SourceServer &server);

// Lag at or above this is "Lagging" (clock alert) rather than "Healthy".
inline constexpr qint64 lagAlertThresholdMs = 60 * 60 * 1000;

// "01:02:03" for 3723000 ms; days become hours ("49:00:00").
QString formatLag(qint64 ms);
} // namespace ConsoleStatus

} // namespace mgn
