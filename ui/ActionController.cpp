#include "ui/ActionController.h"

#include "app/mgn/MgnBulkCall.h"
#include "app/mgn/MgnCall.h"
#include "app/mgn/MgnClient.h"

#include <QAbstractButton>
#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

#include <memory>

namespace mgn {

using mgn::Action;

namespace {

// At most this many single-server calls at once: the service throttles
// bursts, and the retry quota is shared.
constexpr int fanOutConcurrency = 4;
// Names listed in a confirmation before "and N more".
constexpr int namesInConfirmation = 10;

QString namesOf(const QList<mgn::SourceServer> &servers, const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids) {
        if (names.size() == namesInConfirmation) {
            names.append(ActionController::tr("and %n more", nullptr, int(ids.size()) - namesInConfirmation));
            break;
        }
        QString name = id;
        for (const auto &server : servers) {
            if (server.id() == id && server.displayName() != id)
                name = server.displayName() + QStringLiteral(" (") + id + u')';
        }
        names.append(name);
    }
    return names.join(QStringLiteral("\n"));
}

} // namespace

ActionController::ActionController(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
    m_confirm = [this](const QString &title, const QString &text) {
        QMessageBox box(
            QMessageBox::Warning, title, text, QMessageBox::Ok | QMessageBox::Cancel, m_dialogParent);
        box.setDefaultButton(QMessageBox::Cancel);
        box.button(QMessageBox::Ok)->setText(title);
        return box.exec() == QMessageBox::Ok;
    };
    for (const ActionRules::Rule &rule : ActionRules::allRules()) {
        if (rule.scope != ActionRules::Scope::SourceServer)
            continue;
        auto *qaction = new QAction(rule.label(), this);
        qaction->setObjectName(QString::fromLatin1(rule.apiCall) + QStringLiteral("Action"));
        // Destructive actions get no shortcut at all: nothing a stray key can fire.
        const Action action = rule.action;
        connect(qaction, &QAction::triggered, this, [this, action] { trigger(action); });
        m_actions.insert(action, qaction);
    }
    m_initializeAction = new QAction(tr("&Initialize Application Migration Service..."), this);
    m_initializeAction->setObjectName(QStringLiteral("InitializeServiceAction"));
    connect(m_initializeAction, &QAction::triggered, this, &ActionController::initializeService);
    updateInitializeAction();
    setSelection({});
}

QString ActionController::menuTitle(ActionRules::MenuGroup group)
{
    switch (group) {
    case ActionRules::MenuGroup::Replication:
        return tr("&Replication");
    case ActionRules::MenuGroup::TestAndCutover:
        return tr("&Test and cutover");
    case ActionRules::MenuGroup::Actions:
        return tr("&Actions");
    case ActionRules::MenuGroup::VcenterClients:
        return tr("vCenter clients");
    }
    return {};
}

QList<QMenu *> ActionController::createMenus(QWidget *parent) const
{
    QList<QMenu *> menus;
    for (const auto group : { ActionRules::MenuGroup::Replication, ActionRules::MenuGroup::TestAndCutover,
             ActionRules::MenuGroup::Actions }) {
        auto *menu = new QMenu(menuTitle(group), parent);
        for (const ActionRules::Rule &rule : ActionRules::allRules()) {
            if (rule.menuGroup == group && m_actions.contains(rule.action))
                menu->addAction(m_actions.value(rule.action));
        }
        // Tooltips of disabled entries say why: menus hide them unless asked.
        menu->setToolTipsVisible(true);
        menus.append(menu);
    }
    return menus;
}

void ActionController::setClient(MgnClient *client)
{
    m_client = client;
    // An answer for the previous connection is ignored (initializeService).
    m_initializing = false;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        update(it.key());
    updateInitializeAction();
}

void ActionController::updateInitializeAction()
{
    m_initializeAction->setEnabled(m_client && !m_initializing);
    m_initializeAction->setToolTip(!m_client ? tr("Not connected to Application Migration Service")
            : m_initializing                 ? tr("InitializeService is running")
                             : tr("Set up Application Migration Service in this account and region: "
                                  "its IAM roles and default templates (InitializeService)"));
}

void ActionController::initializeService()
{
    if (!m_client || m_initializing)
        return;
    const QString title = tr("Initialize Application Migration Service");
    if (!m_confirm(title,
            tr("This creates the IAM roles and the default replication and launch templates that Application "
               "Migration Service needs in this account and region. Calling it again changes nothing.")))
        return;
    m_initializing = true;
    updateInitializeAction();
    QPointer<ActionController> self(this);
    MgnClient *client = m_client;
    client->initializeService([self, client](const MgnResult<MgnNothing> &result) {
        if (!self || self->m_client != client)
            return;
        self->m_initializing = false;
        self->updateInitializeAction();
        if (result.ok()) {
            Q_EMIT self->message(
                tr("Application Migration Service is initialized in this account and region"));
            Q_EMIT self->serviceInitialized();
        } else {
            Q_EMIT self->message(tr("InitializeService failed: %1").arg(result.error->userMessage()));
        }
    });
}

void ActionController::setSelection(const QList<mgn::SourceServer> &servers)
{
    m_selection = servers;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        update(it.key());
}

void ActionController::update(Action action)
{
    QAction *qaction = m_actions.value(action);
    const ActionRules::Rule &rule = ActionRules::rule(action);
    ActionRules::Evaluation evaluation = ActionRules::evaluate(action, m_selection);
    if (action == Action::ChangeReplicationType) {
        // Eligible only where the other type is known.
        QStringList eligible;
        for (const auto &server : m_selection) {
            if (evaluation.eligibleIds.contains(server.id()) && ActionRules::replicationTypeTarget(server))
                eligible.append(server.id());
        }
        evaluation.eligibleIds = eligible;
    }
    const bool connected = !m_client.isNull();
    qaction->setEnabled(connected && evaluation.anyAllowed());
    QString tip = rule.allowedWhen();
    if (!connected)
        tip = tr("Not connected to the service.");
    else if (!evaluation.summary.isEmpty())
        tip = evaluation.summary;
    qaction->setToolTip(tip);
    qaction->setStatusTip(tip);
    m_evaluations.insert(action, evaluation);
}

void ActionController::trigger(Action action)
{
    const ActionRules::Evaluation evaluation = m_evaluations.value(action);
    if (!m_client || !evaluation.anyAllowed())
        return;
    const ActionRules::Rule &rule = ActionRules::rule(action);
    if (rule.destructive) {
        QString text
            = tr("%1 on %n source server(s)?", nullptr, int(evaluation.eligibleIds.size())).arg(rule.label())
            + QStringLiteral("\n\n") + namesOf(m_selection, evaluation.eligibleIds) + QStringLiteral("\n\n")
            + rule.consequence();
        if (!evaluation.refused.isEmpty())
            text += QStringLiteral("\n\n") + evaluation.summary;
        if (!m_confirm(rule.label(), text))
            return;
    }
    run(action, evaluation.batches, m_selection);
}

void ActionController::run(
    Action action, const QList<QStringList> &units, const QList<mgn::SourceServer> &servers)
{
    // ChangeReplicationType switches each server to its other type: one bulk
    // call per target type.
    QList<std::pair<MgnClient::ActionArguments, QList<QStringList>>> runs;
    if (action == Action::ChangeReplicationType) {
        QHash<int, QList<QStringList>> byTarget;
        for (const QStringList &unit : units) {
            for (const auto &server : servers) {
                if (server.id() == unit.value(0)) {
                    if (const auto target = ActionRules::replicationTypeTarget(server))
                        byTarget[int(*target)].append(unit);
                }
            }
        }
        for (auto it = byTarget.cbegin(); it != byTarget.cend(); ++it) {
            MgnClient::ActionArguments arguments;
            arguments.replicationType = mgn::ReplicationType(it.key());
            runs.append({ arguments, it.value() });
        }
    } else {
        runs.append({ MgnClient::ActionArguments(), units });
    }

    auto outcomes = std::make_shared<QList<BulkOutcome>>();
    auto pending = std::make_shared<int>(int(runs.size()));
    const QString label = ActionRules::rule(action).label();
    for (const auto &[arguments, runUnits] : runs) {
        MgnBulkCall *bulk = m_client->bulk(action, runUnits, fanOutConcurrency, arguments);
        m_running.append(bulk);
        connect(bulk, &MgnBulkCall::unitFinished, this, [this](int, const BulkOutcome &outcome) {
            if (outcome.server)
                Q_EMIT serversUpdated({ *outcome.server });
            if (outcome.job && !outcome.job->jobID.isEmpty())
                Q_EMIT jobStarted(outcome.job->jobID);
        });
        connect(bulk, &MgnBulkCall::finished, this, [this, bulk, action, outcomes, pending, label] {
            outcomes->append(bulk->outcomes());
            m_running.removeAll(bulk);
            if (--*pending > 0)
                return;
            int failed = 0;
            for (const auto &outcome : std::as_const(*outcomes))
                failed += outcome.ok() ? 0 : 1;
            const int total = int(outcomes->size());
            Q_EMIT message(failed == 0
                    ? tr("%1: done (%n call(s))", nullptr, total).arg(label)
                    : tr("%1: %2 of %n call(s) failed", nullptr, total).arg(label).arg(failed));
            Q_EMIT actionFinished(action, *outcomes);
        });
        bulk->start();
    }
}

} // namespace mgn
