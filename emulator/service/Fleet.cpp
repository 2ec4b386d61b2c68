#include "emulator/service/Fleet.h"

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

void Fleet::anchorAt(qint64 wallMsecs)
{
    anchorSim = simNow;
    anchorWall = wallMsecs;
}

qint64 Fleet::wallAt(qint64 simMsecs) const
{
    const double elapsed = static_cast<double>(simMsecs - anchorSim);
    if (speed <= 0)
        return anchorWall + static_cast<qint64>(elapsed);
    return anchorWall + std::llround(elapsed / speed);
}

qint64 Fleet::simAt(qint64 wallMsecs) const
{
    if (speed <= 0)
        return anchorSim;
    return anchorSim + std::llround(static_cast<double>(wallMsecs - anchorWall) * speed);
}

qsizetype Fleet::findServer(QStringView sourceServerID) const
{
    return m_serverIndex.value(sourceServerID.toString(), -1);
}

qsizetype Fleet::findJob(QStringView jobID) const
{
    return m_jobIndex.value(jobID.toString(), -1);
}

qsizetype Fleet::findVcenterClient(QStringView vcenterClientID) const
{
    for (qsizetype i = 0; i < vcenterClients.size(); ++i) {
        if (vcenterClients.at(i).vcenterClientID.value_or(QString()) == vcenterClientID)
            return i;
    }
    return -1;
}

void Fleet::reserveServers(qsizetype count)
{
    servers.reserve(servers.size() + std::size_t(count));
    m_serverIndex.reserve(m_serverIndex.size() + count);
}

void Fleet::addServer(FleetServer server)
{
    m_serverIndex.insert(server.server.id(), qsizetype(servers.size()));
    servers.push_back(std::move(server));
}

void Fleet::removeServer(qsizetype index)
{
    servers.erase(servers.begin() + index);
    reindex();
}

void Fleet::addJob(FleetJob job)
{
    m_jobIndex.insert(job.job.jobID, qsizetype(jobs.size()));
    jobs.push_back(std::move(job));
}

void Fleet::removeVcenterClient(qsizetype index)
{
    vcenterClients.removeAt(index);
}

void Fleet::reindex()
{
    m_serverIndex.clear();
    m_serverIndex.reserve(qsizetype(servers.size()));
    for (qsizetype i = 0; i < qsizetype(servers.size()); ++i)
        m_serverIndex.insert(servers[std::size_t(i)].server.id(), i);
    m_jobIndex.clear();
    for (qsizetype i = 0; i < qsizetype(jobs.size()); ++i)
        m_jobIndex.insert(jobs[std::size_t(i)].job.jobID, i);
}

QString Fleet::arn(QLatin1StringView resourceType, const QString &id) const
{
    return u"arn:aws:mgn:"_s + region + u':' + accountId + u':' + resourceType + u'/' + id;
}

std::optional<mgn::Tags> *Fleet::tagsOf(QStringView resourceArn)
{
    const qsizetype slash = resourceArn.lastIndexOf(u'/');
    if (slash < 0)
        return nullptr;
    const QStringView id = resourceArn.mid(slash + 1);
    auto tagsIn = [resourceArn](auto &resource) -> std::optional<mgn::Tags> * {
        return resource.arn.value_or(QString()) == resourceArn ? &resource.tags : nullptr;
    };
    if (const qsizetype i = findServer(id); i >= 0)
        return tagsIn(servers[std::size_t(i)].server);
    if (const qsizetype i = findJob(id); i >= 0)
        return tagsIn(jobs[std::size_t(i)].job);
    if (const qsizetype i = findVcenterClient(id); i >= 0)
        return tagsIn(vcenterClients[i]);
    for (auto *records : { &applications, &waves, &connectors }) {
        if (const qsizetype i = find(*records, id); i >= 0)
            return (*records)[std::size_t(i)].arn == resourceArn ? &(*records)[std::size_t(i)].tags : nullptr;
    }
    return nullptr;
}

qsizetype Fleet::find(const std::vector<PlanningRecord> &records, QStringView id)
{
    for (qsizetype i = 0; i < qsizetype(records.size()); ++i) {
        if (records[std::size_t(i)].id == id)
            return i;
    }
    return -1;
}

QString Fleet::newId(QLatin1StringView prefix)
{
    return prefix + ids.hex(17);
}

} // namespace mgn
