#pragma once

#include "app/mgn/BulkOutcome.h"
#include "models/domain/SourceServer.h"
#include "models/rules/Action.h"
#include "models/rules/ActionRules.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace mgn {

class MgnBulkCall;
class MgnClient;

// One QAction per source-server action of ActionRules, enabled from the rules
// over the current selection (DESIGN.md, "Data flow" 5): recomputed whenever
// the selection or the selected servers change; a disabled action's tooltip
// says why, a partly eligible selection's says who is skipped. Triggering
// asks for confirmation when the action is destructive (naming the servers
// and quoting the documented consequence), then runs the API calls in bulk
// (200 IDs per call where the API takes many, fan-out otherwise) and hands
// every updated server back at once.
class ActionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionController)

public:
    // Asked before a destructive action; returns whether to go on. The
    // default shows a QMessageBox on `dialogParent`; tests substitute one.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    explicit ActionController(QWidget *dialogParent, QObject *parent = nullptr);

    void setClient(MgnClient *client);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // The servers selected now (copies); re-evaluates every action.
    void setSelection(const QList<mgn::SourceServer> &servers);

    QAction *action(mgn::Action action) const { return m_actions.value(action); }
    // InitializeService, for an account and region where MGN was never
    // initialized: asks for confirmation, then calls it once.
    QAction *initializeServiceAction() const { return m_initializeAction; }
    // The console's menus: Replication, Test and cutover, Actions.
    QList<QMenu *> createMenus(QWidget *parent) const;
    // Evaluation of the last setSelection for an action.
    mgn::ActionRules::Evaluation evaluation(mgn::Action action) const { return m_evaluations.value(action); }
    bool isBusy() const { return !m_running.isEmpty(); }

    static QString menuTitle(mgn::ActionRules::MenuGroup group);

Q_SIGNALS:
    // Updated servers from the service's answers, to merge at once.
    void serversUpdated(const QList<mgn::SourceServer> &servers);
    // A job was started (StartTest, StartCutover, TerminateTargetInstances).
    void jobStarted(const QString &jobId);
    // Every outcome of one triggered action, when all calls have answered.
    void actionFinished(mgn::Action action, const QList<BulkOutcome> &outcomes);
    // For the status bar: "Start replication: 3 of 4 servers done, 1 refused".
    void message(const QString &text);
    // InitializeService succeeded: the account's servers can be listed now.
    void serviceInitialized();

private:
    void trigger(mgn::Action action);
    void run(mgn::Action action, const QList<QStringList> &units, const QList<mgn::SourceServer> &servers);
    void update(mgn::Action action);
    void initializeService();
    void updateInitializeAction();

    QWidget *m_dialogParent;
    QPointer<MgnClient> m_client;
    Confirm m_confirm;
    QHash<mgn::Action, QAction *> m_actions;
    QHash<mgn::Action, mgn::ActionRules::Evaluation> m_evaluations;
    QList<mgn::SourceServer> m_selection;
    QList<QPointer<MgnBulkCall>> m_running;
    QAction *m_initializeAction = nullptr;
    bool m_initializing = false;
};

} // namespace mgn
