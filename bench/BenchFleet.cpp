#include "bench/BenchFleet.h"

#include "app/aws/FixedClock.h"
#include "emulator/service/MgnService.h"
#include "models/codec/SourceServerCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <memory>

using namespace mgn;

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// A fixed instant: the fleet's dates, and so its bytes, are the same every run.
const QDateTime frozenAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

EmulatorRequest describeRequest(int pageSize, const QString &token)
{
    QJsonObject body { { "filters"_L1, QJsonObject() }, { "maxResults"_L1, pageSize } };
    if (!token.isEmpty())
        body.insert("nextToken"_L1, token);
    EmulatorRequest request;
    request.method = "POST";
    request.path = "/DescribeSourceServers";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

// The emulator writes nextToken last in its compact page ("...],"nextToken":"..."}"),
// and a token is base64url: found without parsing the whole page.
QString nextTokenOf(const QByteArray &body)
{
    static const QByteArray marker = QByteArrayLiteral("],\"nextToken\":\"");
    const qsizetype at = body.lastIndexOf(marker);
    if (at < 0)
        return {};
    const qsizetype start = at + marker.size();
    const qsizetype end = body.indexOf('"', start);
    return QString::fromLatin1(body.mid(start, end - start));
}

} // namespace

std::unique_ptr<MgnService> BenchFleet::service(int servers)
{
    MgnService::Options options;
    options.servers = servers;
    options.seed = seed;
    options.speed = 60;
    return std::make_unique<MgnService>(options, std::make_shared<FixedClock>(frozenAt));
}

QList<QByteArray> BenchFleet::listPages(MgnService &service, int size)
{
    QList<QByteArray> bodies;
    QString token;
    do {
        const EmulatorResponse response = service.handle(describeRequest(size, token));
        if (response.status != 200)
            qFatal("DescribeSourceServers answered %d: %s", response.status, response.body.constData());
        bodies.append(response.body);
        token = nextTokenOf(response.body);
    } while (!token.isEmpty());
    return bodies;
}

const BenchFleet &BenchFleet::of(int servers)
{
    static std::map<int, std::unique_ptr<BenchFleet>> fleets;
    auto &fleet = fleets[servers];
    if (fleet)
        return *fleet;
    fleet = std::make_unique<BenchFleet>();
    fleet->size = servers;
    fleet->pages = listPages(*service(servers));
    for (const QByteArray &page : std::as_const(fleet->pages)) {
        fleet->bytes += page.size();
        fleet->servers.append(mgn::SourceServerCodec::decodePage(page).items);
    }
    if (fleet->servers.size() != servers)
        qFatal("the emulator listed %lld servers of %d", qlonglong(fleet->servers.size()), servers);
    fleet->refreshed = fleet->servers;
    for (qsizetype i = 0; i < fleet->refreshed.size(); i += 100) {
        mgn::SourceServer &server = fleet->refreshed[i];
        if (!server.lifeCycle)
            server.lifeCycle.emplace();
        auto &cycle = *server.lifeCycle;
        cycle.lastSeenByServiceDateTime = cycle.lastSeenByServiceDateTime.value_or(0) + 20000;
        if (server.dataReplicationInfo)
            server.dataReplicationInfo->lagDuration
                = server.dataReplicationInfo->lagDuration.value_or(0) + 1000;
    }
    return *fleet;
}

} // namespace mgn
