#include "app/aws/FixedClock.h"
#include "app/cli/MgnCtl.h"
#include "app/cli/MgnCtlOptions.h"
#include "emulator/http/EmulatorHttpServer.h"
#include "emulator/http/MgnEmulator.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/MgnService.h"
#include "models/api/ApiModel.h"
#include "models/codec/SourceServerCodec.h"
#include "models/rules/ActionRules.h"
#include "tests/support/ProgramRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::Action;

Q_DECLARE_METATYPE(mgn::Action)

namespace {

// The value at a dotted path ("lifeCycle.state") of a JSON object, as text.
QString valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &key : path.split(u'.'))
        value = value.toObject().value(key);
    return value.isBool() ? (value.toBool() ? u"true"_s : u"false"_s) : value.toVariant().toString();
}

// "=X": the value is X; "!X": it is not.
bool matches(const QString &actual, const QString &expectation)
{
    const QString wanted = expectation.mid(1);
    return expectation.startsWith(u'=') ? actual == wanted : actual != wanted;
}

} // namespace

// mgnctl against the emulator over real HTTP with SigV4: every operation of the
// client round-trips, and each change is seen both in mgnctl's output (the
// service's answer) and in the emulator's fleet.
class TestMgnCtlEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void describeSourceServersListsTheFleet();
    void describeWithFilters();
    void describePrintsWhatTheAwsCliWould_data();
    void describePrintsWhatTheAwsCliWould();
    void serverActionRoundTrips_data();
    void serverActionRoundTrips();
    void bulkStartTestAndTheJobAfterwards();
    void terminateTargetInstances();
    void deleteSourceServer();
    void refusedActionIsAConflict();
    void vcenterClients();
    void tagsRoundTrip();
    void initializeService();
    void wrongSecretIsASignatureError();
    void tenThousandServersInTenPages();
    void theProgramIsQuiet_data();
    void theProgramIsQuiet();

private:
    // Runs mgnctl with these words against the emulator; returns the exit status.
    int run(QStringList words, QString *out = nullptr, QString *err = nullptr);
    // The servers as mgnctl's describe-source-servers prints them.
    QList<mgn::SourceServer> describe();
    // A server of the fleet (as the service describes it) for which `action` is allowed or refused.
    std::optional<mgn::SourceServer> serverWhere(Action action, bool allowed = true);
    // The server as the emulator holds it, encoded like the API.
    QJsonObject fleetServer(const QString &id) const;

    std::shared_ptr<FixedClock> m_clock;
    std::unique_ptr<MgnEmulator> m_emulator;
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

void TestMgnCtlEmulator::init()
{
    m_emulator = std::make_unique<MgnEmulator>();
    // The fleet's time stands still: a state chosen for an action holds until the call.
    m_clock = std::make_shared<FixedClock>(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    m_emulator->setServiceClock(m_clock);
    EmulatorOptions options;
    options.servers = 150;
    options.seed = 11;
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));

    m_env = QProcessEnvironment();
    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, m_emulator->credentials().accessKeyId);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, m_emulator->credentials().secretAccessKey);
    m_env.insert(u"AWS_REGION"_s, m_emulator->region());
    m_env.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"config"_s));
    m_env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"credentials"_s));
}

void TestMgnCtlEmulator::cleanup()
{
    m_emulator.reset();
}

int TestMgnCtlEmulator::run(QStringList words, QString *out, QString *err)
{
    words << u"--endpoint-url"_s << m_emulator->url().toString();
    words.prepend(u"mgnctl"_s);
    const MgnCtlOptions options = MgnCtlOptions::parse(words);
    if (options.outcome != MgnCtlOptions::Outcome::Run) {
        if (err)
            *err = options.message;
        return MgnCtl::UsageError;
    }
    QString outText;
    QString errText;
    QTextStream outStream(&outText);
    QTextStream errStream(&errText);
    MgnCtl ctl(options, m_env, m_home.path(), outStream, errStream);
    QSignalSpy finished(&ctl, &MgnCtl::finished);
    ctl.start();
    if (!finished.wait(30000))
        return -1;
    if (out)
        *out = outText;
    if (err)
        *err = errText;
    return finished.first().first().toInt();
}

QList<mgn::SourceServer> TestMgnCtlEmulator::describe()
{
    QString out;
    QString err;
    if (run({ u"describe-source-servers"_s }, &out, &err) != MgnCtl::Success) {
        qWarning("describe-source-servers failed: %s", qPrintable(err));
        return {};
    }
    QList<mgn::SourceServer> servers;
    const QJsonArray items = QJsonDocument::fromJson(out.toUtf8()).object().value("items"_L1).toArray();
    for (const QJsonValue &item : items) {
        auto decoded = mgn::SourceServerCodec::decode(item.toObject());
        if (decoded.value)
            servers.append(*decoded.value);
    }
    return servers;
}

std::optional<mgn::SourceServer> TestMgnCtlEmulator::serverWhere(Action action, bool allowed)
{
    const QList<mgn::SourceServer> servers = describe();
    for (const mgn::SourceServer &server : servers) {
        if (ActionRules::evaluate(action, server).allowed == allowed)
            return server;
    }
    return std::nullopt;
}

QJsonObject TestMgnCtlEmulator::fleetServer(const QString &id) const
{
    const Fleet &fleet = m_emulator->service()->fleet();
    const qsizetype index = fleet.findServer(id);
    return index < 0 ? QJsonObject()
                     : mgn::SourceServerCodec::encode(fleet.servers.at(std::size_t(index)).server);
}

void TestMgnCtlEmulator::describeSourceServersListsTheFleet()
{
    const QList<mgn::SourceServer> servers = describe();
    const Fleet &fleet = m_emulator->service()->fleet();
    QCOMPARE(servers.size(), qsizetype(fleet.servers.size()));
    for (qsizetype i = 0; i < servers.size(); ++i) {
        QCOMPARE(servers.at(i).id(), fleet.servers.at(std::size_t(i)).server.id());
        QCOMPARE(mgn::SourceServerCodec::encode(servers.at(i)),
            mgn::SourceServerCodec::encode(fleet.servers.at(std::size_t(i)).server));
    }

    // Pages of 7 give the same fleet as pages of 1000.
    QString paged;
    QCOMPARE(run({ u"describe-source-servers"_s, u"--page-size"_s, u"7"_s }, &paged), int(MgnCtl::Success));
    QCOMPARE(
        QJsonDocument::fromJson(paged.toUtf8()).object().value("items"_L1).toArray().size(), servers.size());
}

void TestMgnCtlEmulator::describePrintsWhatTheAwsCliWould_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("wholeFleet");

    const QStringList describe { u"describe-source-servers"_s };
    QTest::newRow("one page") << describe << true;
    QTest::newRow("pages of 7") << (describe + QStringList { u"--page-size"_s, u"7"_s }) << true;
    QTest::newRow("pages of 1") << (describe + QStringList { u"--page-size"_s, u"1"_s }) << true;
    QTest::newRow("no server") << (describe
        + QStringList { u"--filters"_s, u"{\"sourceServerIDs\":[\"s-00000000000000000\"]}"_s })
                               << false;
}

// Each page is read as it arrives into the document the AWS CLI prints
// (CliResponse, whose bytes tst_cliresponse checks against the AWS CLI's
// own): the fleet's servers, their members in the API model's order.
void TestMgnCtlEmulator::describePrintsWhatTheAwsCliWould()
{
    QFETCH(QStringList, words);
    QFETCH(bool, wholeFleet);
    QJsonArray items;
    if (wholeFleet) {
        for (const FleetServer &entry : m_emulator->service()->fleet().servers)
            items.append(mgn::SourceServerCodec::encode(entry.server));
    }
    QString out;
    QCOMPARE(run(words, &out), int(MgnCtl::Success));
    QJsonParseError error;
    const QJsonDocument printed = QJsonDocument::fromJson(out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(printed.object(), (QJsonObject { { u"items"_s, items } }));
    if (!wholeFleet) {
        QCOMPARE(out, u"{\n    \"items\": []\n}\n"_s);
        return;
    }
    // The first server's members as printed, against the model's order.
    QStringList printedNames;
    const QStringList lines = out.split(u'\n');
    for (qsizetype i = 3; i < lines.size() && !lines.at(i).startsWith(u"        }"_s); ++i) {
        if (lines.at(i).startsWith(u"            \""_s))
            printedNames.append(lines.at(i).section(u'"', 1, 1));
    }
    QStringList modelNames;
    for (const api::Member &member : api::ApiModel::mgn().shape(u"SourceServer")->members) {
        if (items.first().toObject().contains(member.name))
            modelNames.append(member.name);
    }
    QVERIFY(modelNames.size() > 5);
    QCOMPARE(printedNames, modelNames);
}

void TestMgnCtlEmulator::describeWithFilters()
{
    const Fleet &fleet = m_emulator->service()->fleet();
    const QString first = fleet.servers.front().server.id();
    const QString last = fleet.servers.back().server.id();
    QString out;
    QCOMPARE(run({ u"describe-source-servers"_s, u"--filters"_s,
                     QString(u"{\"sourceServerIDs\":[\""_s + first + u"\",\""_s + last + u"\"]}"_s) },
                 &out),
        int(MgnCtl::Success));
    const QJsonArray items = QJsonDocument::fromJson(out.toUtf8()).object().value("items"_L1).toArray();
    QCOMPARE(items.size(), 2);

    qsizetype archived = 0;
    for (const FleetServer &entry : fleet.servers)
        archived += entry.server.archived() ? 1 : 0;
    QVERIFY2(archived > 0, "the fleet has archived servers");
    QCOMPARE(run({ u"describe-source-servers"_s, u"--filters"_s, u"isArchived=true"_s }, &out),
        int(MgnCtl::Success));
    const QJsonArray archivedItems
        = QJsonDocument::fromJson(out.toUtf8()).object().value("items"_L1).toArray();
    QCOMPARE(archivedItems.size(), archived);
    for (const QJsonValue &item : archivedItems)
        QCOMPARE(item.toObject().value("isArchived"_L1).toBool(), true);

    QString table;
    QCOMPARE(run({ u"describe-source-servers"_s, u"--output"_s, u"table"_s }, &table), int(MgnCtl::Success));
    QVERIFY(table.contains(fleet.servers.front().server.id()));
}

void TestMgnCtlEmulator::serverActionRoundTrips_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("path"); // in the server's JSON
    QTest::addColumn<QString>("expectation"); // "=X" or "!X"
    QTest::addColumn<bool>("answersWithServer");

    const QString lifeCycle = u"lifeCycle.state"_s;
    const QString replication = u"dataReplicationInfo.dataReplicationState"_s;
    QTest::newRow("mark ready for test") << u"change-server-life-cycle-state"_s << Action::MarkReadyForTest
                                         << QStringList { u"--life-cycle"_s, u"state=READY_FOR_TEST"_s }
                                         << lifeCycle << u"=READY_FOR_TEST"_s << true;
    QTest::newRow("mark ready for cutover")
        << u"change-server-life-cycle-state"_s << Action::MarkReadyForCutover
        << QStringList { u"--life-cycle"_s, u"{\"state\":\"READY_FOR_CUTOVER\"}"_s } << lifeCycle
        << u"=READY_FOR_CUTOVER"_s << true;
    QTest::newRow("start test") << u"start-test"_s << Action::StartTest << QStringList() << lifeCycle
                                << u"=TESTING"_s << false;
    QTest::newRow("start cutover") << u"start-cutover"_s << Action::StartCutover << QStringList() << lifeCycle
                                   << u"=CUTTING_OVER"_s << false;
    QTest::newRow("finalize cutover")
        << u"finalize-cutover"_s << Action::FinalizeCutover << QStringList()
        << u"lifeCycle.lastCutover.finalized.apiCallDateTime"_s << u"!"_s << true;
    QTest::newRow("disconnect") << u"disconnect-from-service"_s << Action::DisconnectFromService
                                << QStringList() << lifeCycle << u"=DISCONNECTED"_s << true;
    QTest::newRow("archive") << u"mark-as-archived"_s << Action::MarkAsArchived << QStringList()
                             << u"isArchived"_s << u"=true"_s << true;
    QTest::newRow("retry") << u"retry-data-replication"_s << Action::RetryDataReplication << QStringList()
                           << replication << u"=INITIATING"_s << true;
    QTest::newRow("start replication") << u"start-replication"_s << Action::StartReplication << QStringList()
                                       << replication << u"=INITIATING"_s << true;
    QTest::newRow("stop replication") << u"stop-replication"_s << Action::StopReplication << QStringList()
                                      << replication << u"=STOPPED"_s << true;
    QTest::newRow("pause replication") << u"pause-replication"_s << Action::PauseReplication << QStringList()
                                       << replication << u"=PAUSED"_s << true;
    QTest::newRow("resume replication") << u"resume-replication"_s << Action::ResumeReplication
                                        << QStringList() << replication << u"!PAUSED"_s << true;
    QTest::newRow("change replication type")
        << u"update-source-server-replication-type"_s << Action::ChangeReplicationType << QStringList()
        << u"replicationType"_s << u"!"_s << true;
}

void TestMgnCtlEmulator::serverActionRoundTrips()
{
    QFETCH(QString, command);
    QFETCH(Action, action);
    QFETCH(QStringList, options);
    QFETCH(QString, path);
    QFETCH(QString, expectation);
    QFETCH(bool, answersWithServer);

    const std::optional<mgn::SourceServer> server = serverWhere(action);
    QVERIFY2(server, "the demo fleet has a server the action is allowed on");
    const QString id = server->id();
    const QString before = valueAt(fleetServer(id), path);

    QStringList words { command };
    words << (ActionRules::rule(action).isBulk() ? u"--source-server-ids"_s : u"--source-server-id"_s) << id
          << options;
    if (action == Action::ChangeReplicationType) {
        const auto target = ActionRules::replicationTypeTarget(*server);
        QVERIFY(target);
        words << u"--replication-type"_s << QString(mgn::EnumValue<mgn::ReplicationType>::wireName(*target));
    }
    QString out;
    QString err;
    QCOMPARE(run(words, &out, &err), int(MgnCtl::Success));
    QVERIFY2(err.isEmpty(), qPrintable(err));

    const QJsonObject answer = QJsonDocument::fromJson(out.toUtf8()).object();
    const QString after = valueAt(fleetServer(id), path);
    const QString wanted = expectation == u"!"_s ? u"!"_s + before : expectation;
    QVERIFY2(matches(after, wanted), qPrintable(u"emulator: "_s + path + u" is "_s + after));
    if (answersWithServer) {
        QCOMPARE(answer.value("sourceServerID"_L1).toString(), id);
        QCOMPARE(valueAt(answer, path), after);
    } else {
        const QJsonObject job = answer.value("job"_L1).toObject();
        QVERIFY(!job.value("jobID"_L1).toString().isEmpty());
        QCOMPARE(job.value("participatingServers"_L1).toArray().first()["sourceServerID"_L1].toString(), id);
        QVERIFY(m_emulator->service()->fleet().findJob(job.value("jobID"_L1).toString()) >= 0);
    }
}

void TestMgnCtlEmulator::bulkStartTestAndTheJobAfterwards()
{
    QStringList ids;
    for (const mgn::SourceServer &server : describe()) {
        if (ActionRules::evaluate(Action::StartTest, server).allowed)
            ids << server.id();
    }
    QVERIFY2(ids.size() >= 2, "the demo fleet has two servers ready for test");
    ids = ids.mid(0, 2);

    QString out;
    QCOMPARE(
        run(QStringList { u"start-test"_s, u"--source-server-ids"_s } + ids, &out), int(MgnCtl::Success));
    const QJsonObject job = QJsonDocument::fromJson(out.toUtf8()).object().value("job"_L1).toObject();
    const QString jobId = job.value("jobID"_L1).toString();
    QCOMPARE(job.value("type"_L1).toString(), u"LAUNCH"_s);
    QCOMPARE(job.value("participatingServers"_L1).toArray().size(), 2);
    for (const QString &id : ids)
        QCOMPARE(valueAt(fleetServer(id), u"lifeCycle.state"_s), u"TESTING"_s);

    QString jobs;
    QCOMPARE(
        run({ u"describe-jobs"_s, u"--filters"_s, QString(u"{\"jobIDs\":[\""_s + jobId + u"\"]}"_s) }, &jobs),
        int(MgnCtl::Success));
    const QJsonArray items = QJsonDocument::fromJson(jobs.toUtf8()).object().value("items"_L1).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first()["jobID"_L1].toString(), jobId);

    QString allJobs;
    QCOMPARE(run({ u"describe-jobs"_s }, &allJobs), int(MgnCtl::Success));
    QCOMPARE(QJsonDocument::fromJson(allJobs.toUtf8()).object().value("items"_L1).toArray().size(),
        qsizetype(m_emulator->service()->fleet().jobs.size()));

    // An hour later in the fleet's time the job has run to its end.
    m_clock->advance(std::chrono::hours(1));
    QCOMPARE(
        run({ u"describe-jobs"_s, u"--filters"_s, QString(u"{\"jobIDs\":[\""_s + jobId + u"\"]}"_s) }, &jobs),
        int(MgnCtl::Success));
    const QJsonObject done
        = QJsonDocument::fromJson(jobs.toUtf8()).object().value("items"_L1).toArray().first().toObject();
    QCOMPARE(done.value("status"_L1).toString(), u"COMPLETED"_s);
    for (const QJsonValue &participant : done.value("participatingServers"_L1).toArray())
        QCOMPARE(participant["launchStatus"_L1].toString(), u"LAUNCHED"_s);

    QString log;
    QCOMPARE(run({ u"describe-job-log-items"_s, u"--job-id"_s, jobId, u"--page-size"_s, u"2"_s }, &log),
        int(MgnCtl::Success));
    const QJsonArray logItems = QJsonDocument::fromJson(log.toUtf8()).object().value("items"_L1).toArray();
    const FleetJob &fleetJob
        = m_emulator->service()->fleet().jobs.at(std::size_t(m_emulator->service()->fleet().findJob(jobId)));
    QCOMPARE(logItems.size(), fleetJob.log.size());
    QVERIFY2(logItems.size() > 2, "the log spans pages");
    QCOMPARE(logItems.first()["event"_L1].toString(), u"JOB_START"_s);
    QCOMPARE(logItems.last()["event"_L1].toString(), u"JOB_END"_s);
}

void TestMgnCtlEmulator::terminateTargetInstances()
{
    const std::optional<mgn::SourceServer> server = serverWhere(Action::TerminateTargetInstances);
    QVERIFY2(server, "the demo fleet has a server with a launched instance");
    QString out;
    QCOMPARE(run({ u"terminate-target-instances"_s, u"--source-server-ids"_s, server->id() }, &out),
        int(MgnCtl::Success));
    const QJsonObject job = QJsonDocument::fromJson(out.toUtf8()).object().value("job"_L1).toObject();
    QCOMPARE(job.value("type"_L1).toString(), u"TERMINATE"_s);
    QVERIFY(m_emulator->service()->fleet().findJob(job.value("jobID"_L1).toString()) >= 0);
}

void TestMgnCtlEmulator::deleteSourceServer()
{
    const std::optional<mgn::SourceServer> server = serverWhere(Action::DeleteSourceServer);
    QVERIFY2(server, "the demo fleet has a deletable server");
    QString out;
    QCOMPARE(run({ u"delete-source-server"_s, u"--source-server-id"_s, server->id() }, &out),
        int(MgnCtl::Success));
    QCOMPARE(m_emulator->service()->fleet().findServer(server->id()), qsizetype(-1));

    QString err;
    QCOMPARE(run({ u"mark-as-archived"_s, u"--source-server-id"_s, server->id() }, nullptr, &err),
        int(MgnCtl::ServiceError));
    QVERIFY2(err.contains(u"ResourceNotFoundException"_s), qPrintable(err));
}

void TestMgnCtlEmulator::refusedActionIsAConflict()
{
    const std::optional<mgn::SourceServer> server = serverWhere(Action::FinalizeCutover, false);
    QVERIFY(server);
    const QJsonObject before = fleetServer(server->id());
    QString err;
    QCOMPARE(run({ u"finalize-cutover"_s, u"--source-server-id"_s, server->id() }, nullptr, &err),
        int(MgnCtl::ServiceError));
    QVERIFY2(err.contains(u"ConflictException"_s), qPrintable(err));
    QVERIFY2(err.contains(server->id()), qPrintable(err));
    QCOMPARE(fleetServer(server->id()), before);

    // --dry-run says so without calling the action.
    QString out;
    QCOMPARE(
        run({ u"--dry-run"_s, u"finalize-cutover"_s, u"--source-server-id"_s, server->id() }, &out, &err),
        int(MgnCtl::Refused));
    QCOMPARE(fleetServer(server->id()), before);
}

void TestMgnCtlEmulator::vcenterClients()
{
    const QList<mgn::VcenterClient> clients = m_emulator->service()->fleet().vcenterClients;
    QVERIFY2(!clients.isEmpty(), "the demo fleet has vCenter clients");
    QString out;
    QCOMPARE(run({ u"describe-vcenter-clients"_s }, &out), int(MgnCtl::Success));
    const QJsonArray items = QJsonDocument::fromJson(out.toUtf8()).object().value("items"_L1).toArray();
    QCOMPARE(items.size(), clients.size());

    QString deletable;
    QString inUse;
    for (const mgn::VcenterClient &client : clients) {
        (ActionRules::evaluateVcenterClientDeletion(client).allowed ? deletable : inUse)
            = client.vcenterClientID.value_or(QString());
    }
    QVERIFY2(!deletable.isEmpty(), "a vCenter client can be deleted");
    QCOMPARE(run({ u"delete-vcenter-client"_s, u"--vcenter-client-id"_s, deletable }), int(MgnCtl::Success));
    QCOMPARE(m_emulator->service()->fleet().findVcenterClient(deletable), qsizetype(-1));
    QCOMPARE(
        run({ u"delete-vcenter-client"_s, u"--vcenter-client-id"_s, deletable }), int(MgnCtl::ServiceError));
}

void TestMgnCtlEmulator::tagsRoundTrip()
{
    const mgn::SourceServer server = m_emulator->service()->fleet().servers.front().server;
    const QString arn = server.arn.value_or(QString());
    QVERIFY(!arn.isEmpty());

    QCOMPARE(run({ u"tag-resource"_s, u"--resource-arn"_s, arn, u"--tags"_s, u"Wave=7,Team=Blue"_s }),
        int(MgnCtl::Success));
    QString out;
    QCOMPARE(run({ u"list-tags-for-resource"_s, u"--resource-arn"_s, arn }, &out), int(MgnCtl::Success));
    QJsonObject tags = QJsonDocument::fromJson(out.toUtf8()).object().value("tags"_L1).toObject();
    QCOMPARE(tags.value("Wave"_L1).toString(), u"7"_s);
    QCOMPARE(tags.value("Team"_L1).toString(), u"Blue"_s);

    QCOMPARE(run({ u"untag-resource"_s, u"--resource-arn"_s, arn, u"--tag-keys"_s, u"Team"_s }),
        int(MgnCtl::Success));
    QCOMPARE(run({ u"list-tags-for-resource"_s, u"--resource-arn"_s, arn }, &out), int(MgnCtl::Success));
    tags = QJsonDocument::fromJson(out.toUtf8()).object().value("tags"_L1).toObject();
    QVERIFY(!tags.contains("Team"_L1));
    QCOMPARE(tags.value("Wave"_L1).toString(), u"7"_s);
    QCOMPARE(valueAt(fleetServer(server.id()), u"tags.Wave"_s), u"7"_s);
}

void TestMgnCtlEmulator::initializeService()
{
    QCOMPARE(run({ u"initialize-service"_s }), int(MgnCtl::Success));
}

void TestMgnCtlEmulator::wrongSecretIsASignatureError()
{
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"not-the-emulator-secret-0000000000000000"_s);
    QString err;
    QCOMPARE(run({ u"describe-source-servers"_s }, nullptr, &err), int(MgnCtl::ServiceError));
    QVERIFY2(err.contains(u"InvalidSignatureException"_s), qPrintable(err));
}

void TestMgnCtlEmulator::tenThousandServersInTenPages()
{
    // How long this takes is measured in bench/; here: all of them, each once.
    m_emulator = std::make_unique<MgnEmulator>();
    EmulatorOptions options;
    options.servers = 10000;
    options.seed = 3;
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));
    QString out;
    QCOMPARE(run({ u"describe-source-servers"_s, u"--page-size"_s, u"1000"_s }, &out), int(MgnCtl::Success));
    const QJsonArray items = QJsonDocument::fromJson(out.toUtf8()).object().value("items"_L1).toArray();
    QCOMPARE(items.size(), 10000);
    QSet<QString> ids;
    for (const QJsonValue &item : items)
        ids.insert(item["sourceServerID"_L1].toString());
    QCOMPARE(ids.size(), 10000);
    QCOMPARE(m_emulator->server()->requestCount(), quint64(10));
}

// The built mgnctl against the emulator, as in the README: a command that
// succeeds writes zero bytes on stderr; with --debug, a line per request.
void TestMgnCtlEmulator::theProgramIsQuiet_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<int>("requestLines"); // lines of stderr

    QTest::newRow("describe-source-servers") << QStringList { u"describe-source-servers"_s } << 0;
    QTest::newRow("as a table") << QStringList { u"describe-source-servers"_s, u"--output"_s, u"table"_s }
                                << 0;
    QTest::newRow("describe-jobs") << QStringList { u"describe-jobs"_s } << 0;
    QTest::newRow("--debug") << QStringList { u"describe-source-servers"_s, u"--debug"_s, u"--page-size"_s,
        u"100"_s } << 2;
    QTest::newRow("--debug first") << QStringList { u"--debug"_s, u"describe-source-servers"_s,
        u"--page-size"_s, u"50"_s } << 3;
}

void TestMgnCtlEmulator::theProgramIsQuiet()
{
    QFETCH(QStringList, words);
    QFETCH(int, requestLines);

    words << u"--endpoint-url"_s << m_emulator->url().toString();
    const ProgramRun run = ProgramRun::run(
        QStringLiteral(MGN_MGNCTL_EXECUTABLE), words, ProgramRun::environment(m_home.path(), m_env));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, int(MgnCtl::Success));
    QVERIFY(!run.out.isEmpty());
    if (requestLines == 0) {
        QCOMPARE(run.err, QByteArray());
        return;
    }
    // 150 servers in pages of --page-size.
    const QString err = QString::fromUtf8(run.err);
    QStringList lines = err.split(u'\n');
    QCOMPARE(lines.takeLast(), QString());
    QCOMPARE(lines.size(), requestLines);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString start
            = u"mgn.aws.transport: DescribeSourceServers #%1 attempt 1: HTTP 200 in "_s.arg(i + 1);
        QVERIFY2(lines.at(i).startsWith(start), qPrintable(err));
        QVERIFY2(lines.at(i).contains(u", request ID "_s), qPrintable(err));
    }
    QVERIFY(!err.contains(m_emulator->credentials().secretAccessKey));
}

QTEST_GUILESS_MAIN(TestMgnCtlEmulator)
#include "tst_mgnctlemulator.moc"
