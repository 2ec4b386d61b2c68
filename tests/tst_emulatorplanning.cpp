#include "app/aws/FixedClock.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetState.h"
#include "emulator/service/MgnService.h"
#include "emulator/service/ServerFields.h"
#include "models/api/ApiModel.h"
#include "models/api/ShapeSample.h"
#include "models/rules/ActionRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mgn;

// The planning resources of mgn-emulator through MgnService: applications,
// waves, their aggregated status, connectors, the account; the model-driven
// dispatch and validation every request goes through; persistence.
namespace {

const QDateTime startTime = QDateTime(QDate(2026, 5, 4), QTime(8, 30), Qt::UTC);
const QString account = u"111122223333"_s;

QByteArray headerOf(const EmulatorResponse &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject bodyOf(const EmulatorResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QByteArray describe(const EmulatorResponse &response)
{
    return QByteArray::number(response.status) + ' ' + headerOf(response, "x-amzn-ErrorType") + ' '
        + response.body.left(600);
}

QJsonArray array(const QStringList &values)
{
    QJsonArray items;
    for (const QString &value : values)
        items.append(value);
    return items;
}

// A service with a fleet of its own, and names for what a test made:
// "$app" in a request stands for the application made last, and so on.
class Scene final
{
public:
    explicit Scene(int servers = 30, bool withPlanning = true)
        : clock(std::make_shared<FixedClock>(startTime))
        , service(std::make_unique<MgnService>(
              MgnService::Options { servers, 11, 1.0, account, u"us-east-1"_s }, clock))
    {
        if (!withPlanning) {
            // A fleet without generated applications: tests count what they make.
            for (FleetServer &entry : service->fleet().servers)
                entry.server.applicationID.reset();
            service->fleet().applications.clear();
            service->fleet().waves.clear();
        }
    }

    EmulatorResponse call(const QByteArray &operation, const QJsonObject &body = {})
    {
        const QByteArray text = QJsonDocument(substitute(body)).toJson(QJsonDocument::Compact);
        return service->handle({ "POST", '/' + operation, {}, {}, text });
    }

    // The body of a successful answer; fails the test otherwise.
    QJsonObject ok(const QByteArray &operation, const QJsonObject &body = {})
    {
        const EmulatorResponse response = call(operation, body);
        if (response.status >= 300)
            qWarning("%s: %s", operation.constData(), describe(response).constData());
        return response.status < 300 ? bodyOf(response) : QJsonObject { { "failed"_L1, true } };
    }

    QString createApplication(const QString &name)
    {
        names.insert(
            u"$app"_s, ok("CreateApplication", { { "name"_L1, name } }).value("applicationID"_L1).toString());
        return names.value(u"$app"_s);
    }

    QString createWave(const QString &name)
    {
        names.insert(u"$wave"_s, ok("CreateWave", { { "name"_L1, name } }).value("waveID"_L1).toString());
        return names.value(u"$wave"_s);
    }

    // Servers without an application, `count` of them.
    QStringList freeServers(int count) const
    {
        QStringList ids;
        for (const FleetServer &entry : service->fleet().servers) {
            if (!entry.server.applicationID && ids.size() < count)
                ids << entry.server.id();
        }
        return ids;
    }

    QJsonObject application(const QString &id)
    {
        const QJsonArray items = ok("ListApplications",
            { { "filters"_L1, QJsonObject { { "applicationIDs"_L1, QJsonArray { id } } } } })
                                     .value("items"_L1)
                                     .toArray();
        return items.size() == 1 ? items.at(0).toObject() : QJsonObject();
    }

    QJsonObject wave(const QString &id)
    {
        const QJsonArray items
            = ok("ListWaves", { { "filters"_L1, QJsonObject { { "waveIDs"_L1, QJsonArray { id } } } } })
                  .value("items"_L1)
                  .toArray();
        return items.size() == 1 ? items.at(0).toObject() : QJsonObject();
    }

    QHash<QString, QString> names;
    std::shared_ptr<FixedClock> clock;
    std::unique_ptr<MgnService> service;

private:
    QJsonValue substitute(const QJsonValue &value) const
    {
        if (value.isString())
            return names.value(value.toString(), value.toString());
        if (value.isArray()) {
            QJsonArray items;
            for (const QJsonValue &item : value.toArray())
                items.append(substitute(item));
            return items;
        }
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                it.value() = substitute(it.value());
            return object;
        }
        return value;
    }
    QJsonObject substitute(const QJsonObject &object) const
    {
        return substitute(QJsonValue(object)).toObject();
    }
};

// A path for the operation with its labels filled in.
QByteArray pathOf(const api::Operation &operation)
{
    QString path = operation.requestUri;
    path.replace(u"{resourceArn}"_s, u"arn%3Aaws%3Amgn%3Aus-east-1%3A111122223333%3Aapplication%2Fapp-0"_s);
    return path.toUtf8();
}

void setServer(Fleet &fleet, const QString &id, LifeCycleState lifeCycle, DataReplicationState replication)
{
    FleetServer &entry = fleet.servers[std::size_t(fleet.findServer(id))];
    ServerFields::setLifeCycleState(entry.server, lifeCycle);
    ServerFields::setReplicationState(entry.server, replication);
    ServerFields::replication(entry.server).dataReplicationError.reset();
    entry.sim.pinned = true;
}

} // namespace

Q_DECLARE_METATYPE(LifeCycleState)
Q_DECLARE_METATYPE(DataReplicationState)

class TestEmulatorPlanning final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyModelledOperationIsRouted();
    void unknownPathsAreUnknownOperations();
    void generatedFleetHasRealApplications();
    void applicationLifecycle();
    void waveLifecycle();
    void refusals_data();
    void refusals();
    void validation_data();
    void validation();
    void applicationStatus_data();
    void applicationStatus();
    void waveStatus();
    void listFiltersAndPages();
    void tagsByArn();
    void deleteJob();
    void connectorsAndUpdateSourceServer();
    void managedAccounts();
    void stateRoundTrip();
    void oldStateFileLoads();
};

void TestEmulatorPlanning::everyModelledOperationIsRouted()
{
    Scene scene(5);
    int notEmulated = 0;
    for (const api::Operation &operation : api::ApiModel::mgn().operations()) {
        const QJsonObject input = api::ShapeSample::input(operation);
        const EmulatorResponse response = scene.service->handle({ operation.method, pathOf(operation), {}, {},
            operation.method == "POST" ? QJsonDocument(input).toJson(QJsonDocument::Compact)
                                       : QByteArray() });
        const QByteArray type = headerOf(response, "x-amzn-ErrorType");
        QVERIFY2(type != "UnknownOperationException", qPrintable(operation.name));
        const bool networkMigration = operation.requestUri.startsWith(u"/network-migration/"_s);
        if (networkMigration) {
            QCOMPARE(response.status, 501);
            QCOMPARE(type, QByteArray("NotEmulatedException"));
            QVERIFY2(bodyOf(response).value("message"_L1).toString().contains(operation.name),
                response.body.constData());
        }
        if (type == "NotEmulatedException")
            ++notEmulated;
    }
    QVERIFY(notEmulated >= 25);
}

void TestEmulatorPlanning::unknownPathsAreUnknownOperations()
{
    Scene scene(5);
    for (const auto &[method, path] : { std::pair { QByteArray("POST"), QByteArray("/NoSuchOperation") },
             std::pair { QByteArray("GET"), QByteArray("/CreateApplication") },
             std::pair { QByteArray("POST"), QByteArray("/tags/") } }) {
        const EmulatorResponse response = scene.service->handle({ method, path, {}, {}, "{}" });
        QCOMPARE(response.status, 404);
        QCOMPARE(headerOf(response, "x-amzn-ErrorType"), QByteArray("UnknownOperationException"));
    }
}

void TestEmulatorPlanning::generatedFleetHasRealApplications()
{
    Scene scene(120);
    const Fleet &fleet = scene.service->fleet();
    QVERIFY(fleet.applications.size() >= 3);
    QCOMPARE(fleet.waves.size(), std::size_t(2));
    QSet<QString> ids;
    for (const PlanningRecord &app : fleet.applications) {
        ids.insert(app.id);
        QVERIFY(!app.fields.value("name"_L1).toString().isEmpty());
        QVERIFY(Fleet::find(fleet.waves, app.fields.value("waveID"_L1).toString()) >= 0);
    }
    int members = 0;
    for (const FleetServer &entry : fleet.servers) {
        if (entry.server.applicationID) {
            QVERIFY2(ids.contains(*entry.server.applicationID), qPrintable(*entry.server.applicationID));
            ++members;
        }
    }
    QVERIFY(members > 0);
    // The aggregated status counts them.
    int counted = 0;
    for (const QJsonValue &item : scene.ok("ListApplications").value("items"_L1).toArray())
        counted += item.toObject()
                       .value("applicationAggregatedStatus"_L1)
                       .toObject()
                       .value("totalSourceServers"_L1)
                       .toInt();
    QCOMPARE(counted, members);
    int applications = 0;
    for (const QJsonValue &item : scene.ok("ListWaves").value("items"_L1).toArray())
        applications += item.toObject()
                            .value("waveAggregatedStatus"_L1)
                            .toObject()
                            .value("totalApplications"_L1)
                            .toInt();
    QCOMPARE(applications, int(fleet.applications.size()));
}

void TestEmulatorPlanning::applicationLifecycle()
{
    Scene scene(30, false);
    const EmulatorResponse created = scene.call("CreateApplication",
        { { "name"_L1, u"Payments"_s }, { "description"_L1, u"Gateway"_s },
            { "tags"_L1, QJsonObject { { "Team"_L1, u"pay"_s } } } });
    QCOMPARE(created.status, 201);
    const QJsonObject app = bodyOf(created);
    const QString id = app.value("applicationID"_L1).toString();
    QVERIFY(id.startsWith(u"app-"_s));
    QCOMPARE(id.size(), 21);
    QCOMPARE(app.value("arn"_L1).toString(), u"arn:aws:mgn:us-east-1:111122223333:application/"_s + id);
    QCOMPARE(app.value("isArchived"_L1).toBool(true), false);
    QCOMPARE(app.value("tags"_L1).toObject().value("Team"_L1).toString(), u"pay"_s);
    QCOMPARE(
        app.value("applicationAggregatedStatus"_L1).toObject().value("totalSourceServers"_L1).toInt(-1), 0);

    const QStringList servers = scene.freeServers(3);
    QVERIFY(scene
                .ok("AssociateSourceServers",
                    { { "applicationID"_L1, id }, { "sourceServerIDs"_L1, array(servers) } })
                .isEmpty());
    for (const QString &server : servers)
        QCOMPARE(scene.service->fleet()
                     .servers[std::size_t(scene.service->fleet().findServer(server))]
                     .server.applicationID,
            id);
    QCOMPARE(scene.application(id)
                 .value("applicationAggregatedStatus"_L1)
                 .toObject()
                 .value("totalSourceServers"_L1)
                 .toInt(),
        3);
    const QJsonArray listed
        = scene
              .ok("DescribeSourceServers",
                  { { "filters"_L1, QJsonObject { { "applicationIDs"_L1, QJsonArray { id } } } } })
              .value("items"_L1)
              .toArray();
    QCOMPARE(listed.size(), 3);

    const QJsonObject updated
        = scene.ok("UpdateApplication", { { "applicationID"_L1, id }, { "name"_L1, u"Payments v2"_s } });
    QCOMPARE(updated.value("name"_L1).toString(), u"Payments v2"_s);
    QCOMPARE(updated.value("description"_L1).toString(), u"Gateway"_s);
    QCOMPARE(
        scene.ok("ArchiveApplication", { { "applicationID"_L1, id } }).value("isArchived"_L1).toBool(), true);
    QCOMPARE(scene.ok("UnarchiveApplication", { { "applicationID"_L1, id } }).value("isArchived"_L1).toBool(),
        false);

    QCOMPARE(scene.call("DeleteApplication", { { "applicationID"_L1, id } }).status, 409);
    QVERIFY(!scene
                 .ok("DisassociateSourceServers",
                     { { "applicationID"_L1, id }, { "sourceServerIDs"_L1, array(servers) } })
                 .contains("failed"_L1));
    QVERIFY(!scene.service->fleet()
                 .servers[std::size_t(scene.service->fleet().findServer(servers.at(0)))]
                 .server.applicationID);
    const EmulatorResponse deleted = scene.call("DeleteApplication", { { "applicationID"_L1, id } });
    QCOMPARE(deleted.status, 204);
    QVERIFY(scene.service->fleet().applications.empty());
    QCOMPARE(scene.call("ArchiveApplication", { { "applicationID"_L1, id } }).status, 404);
}

void TestEmulatorPlanning::waveLifecycle()
{
    Scene scene(30, false);
    const QString app = scene.createApplication(u"CRM"_s);
    const EmulatorResponse created = scene.call("CreateWave", { { "name"_L1, u"Wave 1"_s } });
    QCOMPARE(created.status, 201);
    const QString wave = bodyOf(created).value("waveID"_L1).toString();
    QVERIFY(wave.startsWith(u"wave-"_s));
    QVERIFY(scene
                .ok("AssociateApplications",
                    { { "waveID"_L1, wave }, { "applicationIDs"_L1, QJsonArray { app } } })
                .isEmpty());
    QCOMPARE(scene.application(app).value("waveID"_L1).toString(), wave);
    QCOMPARE(
        scene.wave(wave).value("waveAggregatedStatus"_L1).toObject().value("totalApplications"_L1).toInt(),
        1);
    const QJsonArray inWave
        = scene
              .ok("ListApplications",
                  { { "filters"_L1, QJsonObject { { "waveIDs"_L1, QJsonArray { wave } } } } })
              .value("items"_L1)
              .toArray();
    QCOMPARE(inWave.size(), 1);
    QCOMPARE(scene.ok("UpdateWave", { { "waveID"_L1, wave }, { "description"_L1, u"Pilot"_s } })
                 .value("description"_L1)
                 .toString(),
        u"Pilot"_s);
    QCOMPARE(scene.ok("ArchiveWave", { { "waveID"_L1, wave } }).value("isArchived"_L1).toBool(), true);
    QCOMPARE(scene.ok("UnarchiveWave", { { "waveID"_L1, wave } }).value("isArchived"_L1).toBool(), false);
    QCOMPARE(scene.call("DeleteWave", { { "waveID"_L1, wave } }).status, 409);
    QVERIFY(scene
                .ok("DisassociateApplications",
                    { { "waveID"_L1, wave }, { "applicationIDs"_L1, QJsonArray { app } } })
                .isEmpty());
    QVERIFY(!scene.application(app).contains("waveID"_L1));
    QCOMPARE(scene.call("DeleteWave", { { "waveID"_L1, wave } }).status, 204);
    QVERIFY(scene.service->fleet().waves.empty());
}

void TestEmulatorPlanning::refusals_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QString>("message"); // a part of it

    const QString unknownApp = u"app-00000000000000000"_s;
    const QString unknownWave = u"wave-00000000000000000"_s;
    QTest::newRow("unknown application")
        << QByteArray("UpdateApplication") << QJsonObject { { "applicationID"_L1, unknownApp } } << 404
        << QByteArray("ResourceNotFoundException") << u"Application app-0"_s;
    QTest::newRow("application of another account")
        << QByteArray("ArchiveApplication")
        << QJsonObject { { "applicationID"_L1, u"$app"_s }, { "accountID"_L1, u"999988887777"_s } } << 404
        << QByteArray("ResourceNotFoundException") << u"not found"_s;
    QTest::newRow("unknown wave") << QByteArray("DeleteWave") << QJsonObject { { "waveID"_L1, unknownWave } }
                                  << 404 << QByteArray("ResourceNotFoundException") << u"Wave wave-0"_s;
    QTest::newRow("unknown server") << QByteArray("AssociateSourceServers")
                                    << QJsonObject { { "applicationID"_L1, u"$app"_s },
                                           { "sourceServerIDs"_L1, QJsonArray { u"s-00000000000000000"_s } } }
                                    << 404 << QByteArray("ResourceNotFoundException")
                                    << u"s-00000000000000000"_s;
    QTest::newRow("unknown application in a wave")
        << QByteArray("AssociateApplications")
        << QJsonObject { { "waveID"_L1, u"$wave"_s }, { "applicationIDs"_L1, QJsonArray { unknownApp } } }
        << 404 << QByteArray("ResourceNotFoundException") << u"Application"_s;
    QTest::newRow("server in another application")
        << QByteArray("AssociateSourceServers")
        << QJsonObject { { "applicationID"_L1, u"$other"_s },
               { "sourceServerIDs"_L1, QJsonArray { u"$member"_s } } }
        << 409 << QByteArray("ConflictException") << u"already belongs to application"_s;
    QTest::newRow("archived application takes no server")
        << QByteArray("AssociateSourceServers")
        << QJsonObject { { "applicationID"_L1, u"$archivedApp"_s },
               { "sourceServerIDs"_L1, QJsonArray { u"$free"_s } } }
        << 409 << QByteArray("ConflictException") << u"is archived"_s;
    QTest::newRow("server not in the application")
        << QByteArray("DisassociateSourceServers")
        << QJsonObject { { "applicationID"_L1, u"$app"_s },
               { "sourceServerIDs"_L1, QJsonArray { u"$free"_s } } }
        << 409 << QByteArray("ConflictException") << u"does not belong"_s;
    QTest::newRow("application with servers not deleted")
        << QByteArray("DeleteApplication") << QJsonObject { { "applicationID"_L1, u"$app"_s } } << 409
        << QByteArray("ConflictException") << u"disassociate them"_s;
    QTest::newRow("application name taken")
        << QByteArray("CreateApplication") << QJsonObject { { "name"_L1, u"Payments"_s } } << 409
        << QByteArray("ConflictException") << u"already exists"_s;
    QTest::newRow("renamed onto another")
        << QByteArray("UpdateApplication")
        << QJsonObject { { "applicationID"_L1, u"$other"_s }, { "name"_L1, u"Payments"_s } } << 409
        << QByteArray("ConflictException") << u"already exists"_s;
    QTest::newRow("wave name taken") << QByteArray("CreateWave") << QJsonObject { { "name"_L1, u"Wave A"_s } }
                                     << 409 << QByteArray("ConflictException") << u"already exists"_s;
    QTest::newRow("application in another wave")
        << QByteArray("AssociateApplications")
        << QJsonObject { { "waveID"_L1, u"$otherWave"_s }, { "applicationIDs"_L1, QJsonArray { u"$app"_s } } }
        << 409 << QByteArray("ConflictException") << u"one wave at most"_s;
    QTest::newRow("archived wave takes no application")
        << QByteArray("AssociateApplications")
        << QJsonObject { { "waveID"_L1, u"$archivedWave"_s },
               { "applicationIDs"_L1, QJsonArray { u"$other"_s } } }
        << 409 << QByteArray("ConflictException") << u"is archived"_s;
    QTest::newRow("archived application joins no wave")
        << QByteArray("AssociateApplications")
        << QJsonObject { { "waveID"_L1, u"$otherWave"_s },
               { "applicationIDs"_L1, QJsonArray { u"$archivedApp"_s } } }
        << 409 << QByteArray("ConflictException") << u"is archived"_s;
    QTest::newRow("application not in the wave")
        << QByteArray("DisassociateApplications")
        << QJsonObject { { "waveID"_L1, u"$otherWave"_s }, { "applicationIDs"_L1, QJsonArray { u"$app"_s } } }
        << 409 << QByteArray("ConflictException") << u"does not belong"_s;
    QTest::newRow("wave with applications not deleted")
        << QByteArray("DeleteWave") << QJsonObject { { "waveID"_L1, u"$wave"_s } } << 409
        << QByteArray("ConflictException") << u"disassociate them"_s;
    QTest::newRow("more than 200 servers")
        << QByteArray("AssociateSourceServers")
        << QJsonObject { { "applicationID"_L1, u"$full"_s },
               { "sourceServerIDs"_L1, QJsonArray { u"$free"_s } } }
        << 402 << QByteArray("ServiceQuotaExceededException") << u"at most 200"_s;
}

// Each rule refuses with its error, and a refused request changes nothing.
void TestEmulatorPlanning::refusals()
{
    QFETCH(QByteArray, operation);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QByteArray, type);
    QFETCH(QString, message);

    Scene scene(260, false);
    const QStringList servers = scene.freeServers(260);
    scene.createApplication(u"Archived one"_s);
    scene.names.insert(u"$archivedApp"_s, scene.names.value(u"$app"_s));
    scene.ok("ArchiveApplication", { { "applicationID"_L1, u"$archivedApp"_s } });
    scene.createApplication(u"Full"_s);
    scene.names.insert(u"$full"_s, scene.names.value(u"$app"_s));
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, u"$full"_s }, { "sourceServerIDs"_L1, array(servers.mid(10, 50)) } });
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, u"$full"_s }, { "sourceServerIDs"_L1, array(servers.mid(60, 50)) } });
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, u"$full"_s }, { "sourceServerIDs"_L1, array(servers.mid(110, 50)) } });
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, u"$full"_s }, { "sourceServerIDs"_L1, array(servers.mid(160, 50)) } });
    scene.createApplication(u"Other"_s);
    scene.names.insert(u"$other"_s, scene.names.value(u"$app"_s));
    scene.createApplication(u"Payments"_s);
    scene.names.insert(u"$member"_s, servers.at(0));
    scene.names.insert(u"$free"_s, servers.at(250));
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, u"$app"_s }, { "sourceServerIDs"_L1, QJsonArray { servers.at(0) } } });
    scene.createWave(u"Wave B"_s);
    scene.names.insert(u"$archivedWave"_s, scene.names.value(u"$wave"_s));
    scene.ok("ArchiveWave", { { "waveID"_L1, u"$archivedWave"_s } });
    scene.createWave(u"Wave C"_s);
    scene.names.insert(u"$otherWave"_s, scene.names.value(u"$wave"_s));
    scene.createWave(u"Wave A"_s);
    scene.ok("AssociateApplications",
        { { "waveID"_L1, u"$wave"_s }, { "applicationIDs"_L1, QJsonArray { u"$app"_s } } });
    QCOMPARE(scene.application(scene.names.value(u"$full"_s))
                 .value("applicationAggregatedStatus"_L1)
                 .toObject()
                 .value("totalSourceServers"_L1)
                 .toInt(),
        200);

    const Fleet before = scene.service->fleet();
    const EmulatorResponse response = scene.call(operation, body);
    QVERIFY2(response.status == status, describe(response).constData());
    QCOMPARE(headerOf(response, "x-amzn-ErrorType"), type);
    QVERIFY2(bodyOf(response).value("message"_L1).toString().contains(message), response.body.constData());
    QVERIFY(scene.service->fleet() == before);
}

void TestEmulatorPlanning::validation_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing required")
        << QByteArray("CreateApplication") << QJsonObject {} << u"name"_s << u"Member must not be null"_s;
    QTest::newRow("name too long") << QByteArray("CreateApplication")
                                   << QJsonObject { { "name"_L1, QString(257, u'n') } } << u"name"_s
                                   << u"Member must have length less than or equal to 256"_s;
    QTest::newRow("name empty") << QByteArray("CreateWave") << QJsonObject { { "name"_L1, QString() } }
                                << u"name"_s << u"Member must have length greater than or equal to 1"_s;
    QTest::newRow("name of blanks")
        << QByteArray("CreateWave") << QJsonObject { { "name"_L1, u"   "_s } } << u"name"_s
        << u"Member must satisfy regular expression pattern: [^\\s\\x00]( *[^\\s\\x00])*"_s;
    QTest::newRow("name not a string") << QByteArray("CreateApplication") << QJsonObject { { "name"_L1, 5 } }
                                       << u"name"_s << u"Member must be a string"_s;
    QTest::newRow("application ID pattern")
        << QByteArray("ArchiveApplication")
        << QJsonObject { { "applicationID"_L1, u"app_00000000000000000"_s } } << u"applicationID"_s
        << u"Member must satisfy regular expression pattern: app-[0-9a-zA-Z]{17}"_s;
    QTest::newRow("list too short") << QByteArray("AssociateApplications")
                                    << QJsonObject { { "waveID"_L1, u"wave-00000000000000000"_s },
                                           { "applicationIDs"_L1, QJsonArray() } }
                                    << u"applicationIDs"_s
                                    << u"Member must have length greater than or equal to 1"_s;
    QTest::newRow("nested filter")
        << QByteArray("ListWaves")
        << QJsonObject { { "filters"_L1,
               QJsonObject { { "waveIDs"_L1, QJsonArray { u"wave-0000000000000000!"_s } } } } }
        << u"filters.waveIDs[0]"_s
        << u"Member must satisfy regular expression pattern: wave-[0-9a-zA-Z]{17}"_s;
    QTest::newRow("maxResults too small")
        << QByteArray("ListApplications") << QJsonObject { { "maxResults"_L1, 0 } } << u"maxResults"_s
        << u"Member must have value greater than or equal to 1"_s;
    QTest::newRow("enum") << QByteArray("UpdateSourceServerReplicationType")
                          << QJsonObject { { "sourceServerID"_L1, u"s-00000000000000000"_s },
                                 { "replicationType"_L1, u"TELEPORT"_s } }
                          << u"replicationType"_s
                          << u"Member must satisfy enum value set: [AGENT_BASED, SNAPSHOT_SHIPPING]"_s;
    QTest::newRow("structure member required")
        << QByteArray("CreateConnector")
        << QJsonObject { { "name"_L1, u"c"_s }, { "ssmInstanceID"_L1, u"i-0123456789abcdef0"_s },
               { "ssmCommandConfig"_L1, QJsonObject { { "s3OutputEnabled"_L1, false } } } }
        << u"ssmCommandConfig.cloudWatchOutputEnabled"_s << u"Member must not be null"_s;
}

void TestEmulatorPlanning::validation()
{
    QFETCH(QByteArray, operation);
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, message);

    Scene scene(10);
    const Fleet before = scene.service->fleet();
    const EmulatorResponse response = scene.call(operation, body);
    QVERIFY2(response.status == 400, describe(response).constData());
    QCOMPARE(headerOf(response, "x-amzn-ErrorType"), QByteArray("ValidationException"));
    const QJsonObject error = bodyOf(response);
    // The model's value of ValidationExceptionReason.
    QCOMPARE(error.value("reason"_L1).toString(), u"fieldValidationFailed"_s);
    const QJsonArray fields = error.value("fieldList"_L1).toArray();
    const QJsonObject expected { { "name"_L1, field }, { "message"_L1, message } };
    QVERIFY2(fields.contains(expected), response.body.constData());
    QVERIFY(
        error.value("message"_L1).toString().contains(u"at '%1' failed to satisfy constraint"_s.arg(field)));
    QVERIFY(scene.service->fleet() == before);
}

void TestEmulatorPlanning::applicationStatus_data()
{
    QTest::addColumn<QList<LifeCycleState>>("lifeCycles");
    QTest::addColumn<QList<DataReplicationState>>("replications");
    QTest::addColumn<QString>("health");
    QTest::addColumn<QString>("progress");

    using LC = LifeCycleState;
    using RS = DataReplicationState;
    QTest::newRow("no servers") << QList<LC>() << QList<RS>() << u"HEALTHY"_s << u"NOT_STARTED"_s;
    QTest::newRow("all syncing") << QList<LC> { LC::NotReady, LC::NotReady }
                                 << QList<RS> { RS::InitialSync, RS::Initiating } << u"HEALTHY"_s
                                 << u"NOT_STARTED"_s;
    QTest::newRow("one ready for test")
        << QList<LC> { LC::NotReady, LC::ReadyForTest } << QList<RS> { RS::InitialSync, RS::Continuous }
        << u"HEALTHY"_s << u"IN_PROGRESS"_s;
    QTest::newRow("all cut over") << QList<LC> { LC::Cutover, LC::Disconnected }
                                  << QList<RS> { RS::Disconnected, RS::Disconnected } << u"HEALTHY"_s
                                  << u"COMPLETED"_s;
    QTest::newRow("one lagging") << QList<LC> { LC::ReadyForTest, LC::Testing }
                                 << QList<RS> { RS::Continuous, RS::Backlog } << u"LAGGING"_s
                                 << u"IN_PROGRESS"_s;
    QTest::newRow("one stalled is worse")
        << QList<LC> { LC::NotReady, LC::ReadyForTest, LC::Testing }
        << QList<RS> { RS::Stalled, RS::Rescan, RS::Continuous } << u"ERROR"_s << u"IN_PROGRESS"_s;
}

void TestEmulatorPlanning::applicationStatus()
{
    QFETCH(QList<LifeCycleState>, lifeCycles);
    QFETCH(QList<DataReplicationState>, replications);
    QFETCH(QString, health);
    QFETCH(QString, progress);

    Scene scene(20, false);
    const QString app = scene.createApplication(u"Status"_s);
    const QStringList servers = scene.freeServers(int(lifeCycles.size()));
    for (qsizetype i = 0; i < servers.size(); ++i)
        setServer(scene.service->fleet(), servers.at(i), lifeCycles.at(i), replications.at(i));
    if (!servers.isEmpty())
        scene.ok("AssociateSourceServers",
            { { "applicationID"_L1, app }, { "sourceServerIDs"_L1, array(servers) } });
    const QJsonObject status = scene.application(app).value("applicationAggregatedStatus"_L1).toObject();
    QCOMPARE(status.value("healthStatus"_L1).toString(), health);
    QCOMPARE(status.value("progressStatus"_L1).toString(), progress);
    QCOMPARE(status.value("totalSourceServers"_L1).toInt(-1), int(servers.size()));
    QVERIFY(status.value("lastUpdateDateTime"_L1).toString().startsWith(u"2026-05-04T08:30:00"_s));
}

void TestEmulatorPlanning::waveStatus()
{
    Scene scene(20, false);
    const QStringList servers = scene.freeServers(2);
    const QString done = scene.createApplication(u"Done"_s);
    setServer(
        scene.service->fleet(), servers.at(0), LifeCycleState::Cutover, DataReplicationState::Disconnected);
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, done }, { "sourceServerIDs"_L1, QJsonArray { servers.at(0) } } });
    const QString waiting = scene.createApplication(u"Waiting"_s);
    setServer(scene.service->fleet(), servers.at(1), LifeCycleState::NotReady, DataReplicationState::Backlog);
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, waiting }, { "sourceServerIDs"_L1, QJsonArray { servers.at(1) } } });
    const QString wave = scene.createWave(u"Mixed"_s);
    QCOMPARE(
        scene.wave(wave).value("waveAggregatedStatus"_L1).toObject().value("progressStatus"_L1).toString(),
        u"NOT_STARTED"_s);
    scene.ok(
        "AssociateApplications", { { "waveID"_L1, wave }, { "applicationIDs"_L1, QJsonArray { done } } });
    QCOMPARE(
        scene.wave(wave).value("waveAggregatedStatus"_L1).toObject().value("progressStatus"_L1).toString(),
        u"COMPLETED"_s);
    scene.ok(
        "AssociateApplications", { { "waveID"_L1, wave }, { "applicationIDs"_L1, QJsonArray { waiting } } });
    const QJsonObject status = scene.wave(wave).value("waveAggregatedStatus"_L1).toObject();
    QCOMPARE(status.value("totalApplications"_L1).toInt(), 2);
    QCOMPARE(status.value("progressStatus"_L1).toString(), u"IN_PROGRESS"_s);
    QCOMPARE(status.value("healthStatus"_L1).toString(), u"LAGGING"_s);
}

void TestEmulatorPlanning::listFiltersAndPages()
{
    Scene scene(10, false);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << scene.createApplication(u"App %1"_s.arg(i));
    scene.ok("ArchiveApplication", { { "applicationID"_L1, ids.at(1) } });
    const auto idsOf = [](const QJsonObject &page) {
        QStringList found;
        for (const QJsonValue &item : page.value("items"_L1).toArray())
            found << item.toObject().value("applicationID"_L1).toString();
        return found;
    };
    QCOMPARE(
        idsOf(scene.ok("ListApplications", { { "filters"_L1, QJsonObject { { "isArchived"_L1, true } } } })),
        QStringList { ids.at(1) });
    QCOMPARE(
        idsOf(scene.ok("ListApplications", { { "filters"_L1, QJsonObject { { "isArchived"_L1, false } } } }))
            .size(),
        4);
    QCOMPARE(idsOf(scene.ok("ListApplications", { { "accountID"_L1, u"999988887777"_s } })), QStringList());

    QStringList paged;
    QJsonObject page = scene.ok("ListApplications", { { "maxResults"_L1, 2 } });
    paged << idsOf(page);
    while (page.contains("nextToken"_L1)) {
        page = scene.ok(
            "ListApplications", { { "maxResults"_L1, 2 }, { "nextToken"_L1, page.value("nextToken"_L1) } });
        paged << idsOf(page);
    }
    QCOMPARE(paged, ids);
    const EmulatorResponse foreignToken = scene.call("ListWaves", { { "nextToken"_L1, u"bogus"_s } });
    QCOMPARE(foreignToken.status, 400);
}

void TestEmulatorPlanning::tagsByArn()
{
    Scene scene(5, false);
    const QString app = scene.createApplication(u"Tagged"_s);
    const QString wave = scene.createWave(u"Tagged wave"_s);
    for (const QString &arn :
        { scene.application(app).value("arn"_L1).toString(), scene.wave(wave).value("arn"_L1).toString() }) {
        const QByteArray path = "/tags/" + QUrl::toPercentEncoding(arn);
        QCOMPARE(scene.service->handle({ "POST", path, {}, {}, R"({"tags":{"Owner":"ops"}})" }).status, 200);
        const EmulatorResponse listed = scene.service->handle({ "GET", path, {}, {}, {} });
        QCOMPARE(bodyOf(listed).value("tags"_L1).toObject().value("Owner"_L1).toString(), u"ops"_s);
        QCOMPARE(scene.service->handle({ "DELETE", path, "tagKeys=Owner", {}, {} }).status, 200);
        QVERIFY(
            bodyOf(scene.service->handle({ "GET", path, {}, {}, {} })).value("tags"_L1).toObject().isEmpty());
    }
    const QByteArray unknown = "/tags/"
        + QUrl::toPercentEncoding(u"arn:aws:mgn:us-east-1:111122223333:wave/wave-00000000000000000"_s);
    const EmulatorResponse missing = scene.service->handle({ "GET", unknown, {}, {}, {} });
    QCOMPARE(missing.status, 404);
    QCOMPARE(bodyOf(missing).value("resourceType"_L1).toString(), u"WAVE"_s);
}

void TestEmulatorPlanning::deleteJob()
{
    Scene scene(60);
    QString finished;
    for (const FleetJob &job : scene.service->fleet().jobs) {
        if (job.job.status && job.job.status->value() == JobStatus::Completed)
            finished = job.job.jobID;
    }
    QString eligible;
    for (const FleetServer &entry : scene.service->fleet().servers) {
        if (eligible.isEmpty() && ActionRules::evaluate(Action::StartTest, entry.server).allowed)
            eligible = entry.server.id();
    }
    QVERIFY(!eligible.isEmpty());
    const QString running = scene.ok("StartTest", { { "sourceServerIDs"_L1, QJsonArray { eligible } } })
                                .value("job"_L1)
                                .toObject()
                                .value("jobID"_L1)
                                .toString();
    QVERIFY(!finished.isEmpty());
    QVERIFY(!running.isEmpty());
    const EmulatorResponse refused = scene.call("DeleteJob", { { "jobID"_L1, running } });
    QVERIFY2(refused.status == 409, describe(refused).constData());
    QCOMPARE(scene.call("DeleteJob", { { "jobID"_L1, finished } }).status, 204);
    QCOMPARE(scene.service->fleet().findJob(finished), -1);
    QVERIFY(scene.service->fleet().findJob(running) >= 0);
    QCOMPARE(scene.call("DeleteJob", { { "jobID"_L1, finished } }).status, 404);
}

void TestEmulatorPlanning::connectorsAndUpdateSourceServer()
{
    Scene scene(5);
    const QJsonObject config { { "s3OutputEnabled"_L1, false }, { "cloudWatchOutputEnabled"_L1, true } };
    const EmulatorResponse created = scene.call("CreateConnector",
        { { "name"_L1, u"dc-east"_s }, { "ssmInstanceID"_L1, u"i-0123456789abcdef0"_s },
            { "ssmCommandConfig"_L1, config } });
    QCOMPARE(created.status, 201);
    const QJsonObject connector = bodyOf(created);
    const QString id = connector.value("connectorID"_L1).toString();
    QCOMPARE(id.size(), 27);
    QCOMPARE(connector.value("ssmCommandConfig"_L1).toObject(), config);
    QCOMPARE(scene.ok("UpdateConnector", { { "connectorID"_L1, id }, { "name"_L1, u"dc-west"_s } })
                 .value("name"_L1)
                 .toString(),
        u"dc-west"_s);
    QCOMPARE(scene.ok("ListConnectors").value("items"_L1).toArray().size(), 1);

    const QString server = scene.service->fleet().servers.front().server.id();
    const QString arn = connector.value("arn"_L1).toString();
    const QJsonObject updated = scene.ok("UpdateSourceServer",
        { { "sourceServerID"_L1, server },
            { "connectorAction"_L1, QJsonObject { { "connectorArn"_L1, arn } } } });
    QCOMPARE(updated.value("connectorAction"_L1).toObject().value("connectorArn"_L1).toString(), arn);
    QCOMPARE(scene.call("DeleteConnector", { { "connectorID"_L1, id } }).status, 400);
    scene.ok(
        "UpdateSourceServer", { { "sourceServerID"_L1, server }, { "connectorAction"_L1, QJsonObject() } });
    QCOMPARE(scene.call("DeleteConnector", { { "connectorID"_L1, id } }).status, 204);
    QCOMPARE(scene.call("UpdateConnector", { { "connectorID"_L1, id } }).status, 404);
    QCOMPARE(scene
                 .call("UpdateSourceServer",
                     { { "sourceServerID"_L1, server },
                         { "connectorAction"_L1, QJsonObject { { "connectorArn"_L1, arn } } } })
                 .status,
        404);
}

void TestEmulatorPlanning::managedAccounts()
{
    Scene scene(5);
    const QJsonArray items = scene.ok("ListManagedAccounts").value("items"_L1).toArray();
    QCOMPARE(items, (QJsonArray { QJsonObject { { "accountId"_L1, account } } }));
}

void TestEmulatorPlanning::stateRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"state.json"_s);
    Scene scene(20);
    const QString app = scene.createApplication(u"Saved"_s);
    scene.ok("AssociateSourceServers",
        { { "applicationID"_L1, app }, { "sourceServerIDs"_L1, array(scene.freeServers(2)) } });
    const QString wave = scene.createWave(u"Saved wave"_s);
    scene.ok("AssociateApplications", { { "waveID"_L1, wave }, { "applicationIDs"_L1, QJsonArray { app } } });
    scene.ok("CreateConnector",
        { { "name"_L1, u"c1"_s }, { "ssmInstanceID"_L1, u"mi-0123456789abcdef0"_s },
            { "tags"_L1, QJsonObject { { "k"_L1, u"v"_s } } } });
    QString error;
    QVERIFY2(scene.service->save(path, &error), qPrintable(error));

    Scene restored(3);
    QVERIFY2(restored.service->load(path, &error), qPrintable(error));
    QCOMPARE(restored.service->fleet().applications, scene.service->fleet().applications);
    QCOMPARE(restored.service->fleet().waves, scene.service->fleet().waves);
    QCOMPARE(restored.service->fleet().connectors, scene.service->fleet().connectors);
    QCOMPARE(restored.ok("ListApplications"), scene.ok("ListApplications"));
    QCOMPARE(restored.ok("ListWaves"), scene.ok("ListWaves"));
    QCOMPARE(restored.application(app)
                 .value("applicationAggregatedStatus"_L1)
                 .toObject()
                 .value("totalSourceServers"_L1)
                 .toInt(),
        2);
}

void TestEmulatorPlanning::oldStateFileLoads()
{
    Scene scene(10);
    QJsonObject state = FleetState::toJson(scene.service->fleet());
    for (const auto member : { "applications"_L1, "waves"_L1, "connectors"_L1 })
        state.remove(member);
    QString error;
    const auto fleet = FleetState::fromJson(state, &error);
    QVERIFY2(fleet, qPrintable(error));
    QVERIFY(fleet->applications.empty());
    QVERIFY(fleet->waves.empty());
    QCOMPARE(fleet->servers.size(), scene.service->fleet().servers.size());

    QJsonObject broken = FleetState::toJson(scene.service->fleet());
    QJsonArray apps = broken.value("applications"_L1).toArray();
    apps.append(apps.at(0));
    broken.insert("applications"_L1, apps);
    QVERIFY(!FleetState::fromJson(broken, &error));
    QVERIFY2(error.contains(u"appears twice"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestEmulatorPlanning)
#include "tst_emulatorplanning.moc"
