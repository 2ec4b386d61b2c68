#pragma once

#include "models/domain/SourceServer.h"
#include "models/domain/VcenterClient.h"
#include "models/rules/Action.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>

namespace mgn {

// The documented state rules of MGN (DESIGN.md, "The documented state rules"):
// one table, in ActionRules.cpp, with a row per Action carrying the API call,
// the console's label and menu, the bulk limit, the documentation sentence the
// rule comes from and the predicate. The UI enables actions from it and the
// emulator answers refusals from the same rows.
//
// Reading of the documentation, applied to every predicate:
// - "X only works if the state is S" (a positive condition) is met only by the
//   known value S: an unrecognized or absent value is refused.
// - "X will not work in state S" (a negative condition) is met by every other
//   value, unrecognized and absent ones included: the service documents no
//   other refusal.
// - isArchived restricts MarkAsArchived only ("already archived"). The service
//   documents no rule on it for any other call; archived servers are CUTOVER
//   or DISCONNECTED with a null lag, so the other rules exclude them by state.
namespace ActionRules {
// The console's menus on the source servers page; DeleteVcenterClient is
// not on them (it acts on a vCenter client, see Scope).
enum class MenuGroup : quint8 { Replication, TestAndCutover, Actions, VcenterClients };
enum class Scope : quint8 { SourceServer, VcenterClient };
// Where the precondition comes from: the API documentation itself, or
// DESIGN.md's rules table / the MGN console user guide when the API
// documentation states only the effect.
enum class Origin : quint8 { ApiDocumentation, DesignNotes };

struct Verdict final {
    bool allowed = false;
    QString reason; // why not, for a person; empty when allowed

    bool operator==(const Verdict &) const = default;
};

struct Rule final {
    Action action;
    QLatin1String apiCall;
    MenuGroup menuGroup;
    Scope scope;
    bool destructive; // asks for confirmation naming the servers
    int maxIdsPerCall; // 200 for the bulk calls, 1 (fan-out) otherwise
    Origin origin;
    // The refusal the service declares for this call: ConflictException
    // where the API model lists it, ValidationException otherwise.
    QLatin1String refusalException;
    // ChangeServerLifeCycleState's target for the two lifecycle actions.
    std::optional<ChangeServerLifeCycleStateSourceServerLifecycleState> lifeCycleTarget;
    // Source texts (translation context "mgn::ActionRules"); use the
    // accessors below for the translated text.
    const char *labelText;
    const char *alsoShownAsText; // the console's other label for the same call, or nullptr
    const char *allowedWhenText;
    const char *noneEligibleText; // "%n" = number of selected servers
    const char *consequenceText; // for the confirmation; nullptr unless destructive
    // Verbatim from the API documentation (service-2.json / seeds); never translated.
    const char *documentation;
    // Where the precondition comes from, and how the sentence is read.
    const char *ruleSource;
    Verdict (*check)(const SourceServer &server);

    QString label() const;
    QString alsoShownAs() const;
    QString allowedWhen() const;
    QString noneEligible(int selected) const;
    QString consequence() const;
    bool isBulk() const { return maxIdsPerCall > 1; }
};

struct ServerVerdict final {
    QString sourceServerID;
    QString name; // SourceServer::displayName()
    Verdict verdict;
};

struct Evaluation final {
    Action action = Action::MarkReadyForTest;
    QList<ServerVerdict> verdicts; // selection order, duplicates of an ID dropped
    QStringList eligibleIds;
    QList<ServerVerdict> refused;
    // eligibleIds split into calls of at most rule(action).maxIdsPerCall
    // (one ID per call for the fan-out actions).
    QList<QStringList> batches;
    // Why the action is disabled or partial, for a tooltip; empty when
    // every selected server is eligible.
    QString summary;

    bool allAllowed() const { return !verdicts.isEmpty() && refused.isEmpty(); }
    bool anyAllowed() const { return !eligibleIds.isEmpty(); }
};

const Rule &rule(Action action);
std::span<const Rule> allRules();

// The per-server check the emulator also uses to answer refusals.
Verdict evaluate(Action action, const SourceServer &server);
// A selection: per-server verdicts, eligible IDs in batches, a summary.
// A server without a sourceServerID is refused (it cannot be addressed).
Evaluation evaluate(Action action, const QList<SourceServer> &servers);

// Actions carried out by an API call ("StartTest"); two for
// ChangeServerLifeCycleState (see actionForLifeCycleTarget).
QList<Action> actionsForApiCall(QStringView apiCall);
// The documented targets of ChangeServerLifeCycleState: READY_FOR_TEST and
// READY_FOR_CUTOVER. CUTOVER is in the enum but not in the documentation
// sentence, so it has no action (nullopt).
QList<ChangeServerLifeCycleStateSourceServerLifecycleState> lifeCycleTargets();
std::optional<Action> actionForLifeCycleTarget(ChangeServerLifeCycleStateSourceServerLifecycleState target);

// ChangeReplicationType switches to the other type; nullopt when the
// current type is absent or unrecognized.
std::optional<ReplicationType> replicationTypeTarget(const SourceServer &server);
// UpdateSourceServerReplicationType with an explicit target (the emulator).
Verdict evaluateReplicationTypeChange(const SourceServer &server, ReplicationType target);
// DeleteVcenterClient acts on a vCenter client by ID; the documentation
// states no other condition.
Verdict evaluateVcenterClientDeletion(const VcenterClient &client);

// ids split into consecutive lists of at most maxPerCall (>= 1).
QList<QStringList> batches(const QStringList &ids, int maxPerCall);
} // namespace ActionRules

} // namespace mgn
