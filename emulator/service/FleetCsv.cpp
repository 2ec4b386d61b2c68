#include "emulator/service/FleetCsv.h"

#include "emulator/service/ConfigurationDefaults.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/ModelInput.h"
#include "models/api/ApiModel.h"

#include <QSet>

#include <algorithm>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString tagPrefix = u"mgn:server:tag:"_s;

// A launch setting's column: the LaunchConfiguration member, and the model
// shape whose enum it takes (empty: a boolean).
struct LaunchColumn final {
    QString column;
    QLatin1StringView member;
    QLatin1StringView enumShape;
};

const QList<LaunchColumn> &launchColumns()
{
    static const QList<LaunchColumn> columns {
        { u"mgn:launch:launch-disposition"_s, "launchDisposition"_L1, "LaunchDisposition"_L1 },
        { u"mgn:launch:right-sizing-method"_s, "targetInstanceTypeRightSizingMethod"_L1,
            "TargetInstanceTypeRightSizingMethod"_L1 },
        { u"mgn:launch:copy-private-ip"_s, "copyPrivateIp"_L1, {} },
        { u"mgn:launch:copy-tags"_s, "copyTags"_L1, {} },
        { u"mgn:launch:os-byol"_s, "osByol"_L1, {} },
        { u"mgn:launch:boot-mode"_s, "bootMode"_L1, "BootMode"_L1 },
    };
    return columns;
}

QStringList fixedColumns()
{
    QStringList columns { u"mgn:account-id"_s, u"mgn:region"_s, u"mgn:wave:name"_s, u"mgn:app:name"_s,
        u"mgn:server:user-provided-id"_s, u"mgn:server:platform"_s,
        u"mgn:server:fqdn-for-action-framework"_s };
    for (const LaunchColumn &launch : launchColumns())
        columns << launch.column;
    return columns;
}

bool isWindows(const SourceServer &server)
{
    const auto &properties = server.sourceProperties;
    return properties && properties->os && properties->os->fullString
        && properties->os->fullString->contains(u"Windows"_s, Qt::CaseInsensitive);
}

QJsonValue launchValue(const QJsonObject &configuration, QLatin1StringView member)
{
    if (member == "osByol"_L1)
        return configuration.value("licensing"_L1).toObject().value(member);
    return configuration.value(member);
}

QString text(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

// One row read against the header, refused with the first fault found.
class Row final
{
public:
    Row(const CsvTable &table, const QStringList &fields)
        : m_table(table)
        , m_fields(fields)
    { }

    QString value(const QString &column) const
    {
        const qsizetype index = m_table.column(column);
        return index >= 0 && index < m_fields.size() ? m_fields.at(index).trimmed() : QString();
    }

    const QStringList &fields() const { return m_fields; }

private:
    const CsvTable &m_table;
    QStringList m_fields;
};

qsizetype findServer(const Fleet &fleet, const QString &id)
{
    if (const qsizetype index = fleet.findServer(id); index >= 0)
        return index;
    for (qsizetype i = 0; i < qsizetype(fleet.servers.size()); ++i) {
        if (fleet.servers[std::size_t(i)].server.userProvidedID.value_or(QString()) == id)
            return i;
    }
    return -1;
}

} // namespace

CsvTable FleetCsv::exportTable(const Fleet &fleet)
{
    QSet<QString> tagKeys;
    for (const FleetServer &entry : fleet.servers) {
        if (entry.server.tags) {
            for (auto it = entry.server.tags->begin(); it != entry.server.tags->end(); ++it)
                tagKeys.insert(it.key());
        }
    }
    QStringList keys(tagKeys.begin(), tagKeys.end());
    std::sort(keys.begin(), keys.end());
    CsvTable table;
    table.header = fixedColumns();
    for (const QString &key : std::as_const(keys))
        table.header << tagPrefix + key;
    for (qsizetype i = 0; i < qsizetype(fleet.servers.size()); ++i) {
        const SourceServer &server = fleet.servers[std::size_t(i)].server;
        const QJsonObject launch = ConfigurationDefaults::currentLaunchConfiguration(fleet, i);
        QStringList row { fleet.accountId, fleet.region, QString(), server.applicationID.value_or(QString()),
            server.userProvidedID.value_or(server.id()), isWindows(server) ? u"WINDOWS"_s : u"LINUX"_s,
            server.fqdnForActionFramework.value_or(QString()) };
        for (const LaunchColumn &column : launchColumns())
            row << text(launchValue(launch, column.member));
        for (const QString &key : std::as_const(keys))
            row << (server.tags ? server.tags->value(key) : QString());
        table.rows << row;
    }
    return table;
}

FleetCsv::ImportResult FleetCsv::importTable(Fleet &fleet, const CsvTable &table, const QString &now)
{
    ImportResult result;
    QHash<QString, QString> applications; // name -> ID, those this import made
    QSet<QString> knownApplications;
    for (const FleetServer &entry : fleet.servers) {
        if (entry.server.applicationID)
            knownApplications.insert(*entry.server.applicationID);
    }
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const Row row(table, table.rows.at(r));
        const int rowNumber = int(r) + 2; // the header is row 1
        QJsonObject data { { "rowNumber"_L1, rowNumber } };
        const auto refuse = [&](const QString &type, const QString &message) {
            data.insert("rawError"_L1, message);
            result.errors.append(QJsonObject {
                { "errorDateTime"_L1, now }, { "errorType"_L1, type }, { "errorData"_L1, data } });
        };
        if (row.fields().size() != table.header.size()) {
            refuse(u"VALIDATION_ERROR"_s,
                u"Row %1 has %2 fields; the header has %3"_s.arg(rowNumber)
                    .arg(row.fields().size())
                    .arg(table.header.size()));
            continue;
        }
        const QString account = row.value(u"mgn:account-id"_s);
        if (!account.isEmpty())
            data.insert("accountID"_L1, account);
        if (!account.isEmpty() && account != fleet.accountId) {
            refuse(u"VALIDATION_ERROR"_s,
                u"mgn:account-id %1 is not this account (%2)"_s.arg(account, fleet.accountId));
            continue;
        }
        const QString region = row.value(u"mgn:region"_s);
        if (!region.isEmpty() && region != fleet.region) {
            refuse(
                u"VALIDATION_ERROR"_s, u"mgn:region %1 is not this region (%2)"_s.arg(region, fleet.region));
            continue;
        }
        const QString id = row.value(u"mgn:server:user-provided-id"_s);
        const qsizetype index = findServer(fleet, id);
        if (index < 0) {
            refuse(u"VALIDATION_ERROR"_s,
                u"No source server has the user-provided ID or source server ID \"%1\" (this emulator "
                u"updates "
                u"the servers it has; it creates none from an import)"_s.arg(id));
            continue;
        }
        data.insert("sourceServerID"_L1, fleet.servers[std::size_t(index)].server.id());
        const QString platform = row.value(u"mgn:server:platform"_s);
        if (!platform.isEmpty() && platform != "LINUX"_L1 && platform != "WINDOWS"_L1) {
            refuse(u"VALIDATION_ERROR"_s,
                u"mgn:server:platform must be LINUX or WINDOWS, not %1"_s.arg(platform));
            continue;
        }
        QJsonObject launch = ConfigurationDefaults::currentLaunchConfiguration(fleet, index);
        QString fault;
        for (const LaunchColumn &column : launchColumns()) {
            const QString value = row.value(column.column);
            if (value.isEmpty())
                continue;
            QJsonValue parsed;
            if (column.enumShape.isEmpty()) {
                if (value.compare(u"true"_s, Qt::CaseInsensitive) == 0)
                    parsed = true;
                else if (value.compare(u"false"_s, Qt::CaseInsensitive) == 0)
                    parsed = false;
                else
                    fault = u"%1 must be true or false, not %2"_s.arg(column.column, value);
            } else if (ModelInput::shape(column.enumShape).enumValues.contains(value)) {
                parsed = value;
            } else {
                fault = u"%1 must be one of %2, not %3"_s.arg(
                    column.column, ModelInput::shape(column.enumShape).enumValues.join(u", "_s), value);
            }
            if (!fault.isEmpty())
                break;
            if (column.member == "osByol"_L1)
                launch.insert("licensing"_L1, QJsonObject { { "osByol"_L1, parsed } });
            else
                launch.insert(column.member, parsed);
        }
        if (!fault.isEmpty()) {
            refuse(u"VALIDATION_ERROR"_s, fault);
            continue;
        }

        SourceServer &server = fleet.servers[std::size_t(index)].server;
        const SourceServer before = server;
        const QString appName = row.value(u"mgn:app:name"_s);
        if (!appName.isEmpty()) {
            QString appId = knownApplications.contains(appName) ? appName : applications.value(appName);
            if (appId.isEmpty()) {
                appId = fleet.newId("app-"_L1);
                applications.insert(appName, appId);
                ++result.applicationsCreated;
            }
            server.applicationID = appId;
            data.insert("applicationID"_L1, appId);
        }
        const QString fqdn = row.value(u"mgn:server:fqdn-for-action-framework"_s);
        if (!fqdn.isEmpty())
            server.fqdnForActionFramework = fqdn;
        for (qsizetype c = 0; c < table.header.size(); ++c) {
            const QString &column = table.header.at(c);
            if (column.startsWith(tagPrefix) && !row.fields().at(c).isEmpty()) {
                Tags tags = server.tags.value_or(Tags());
                tags.insert(column.mid(tagPrefix.size()), row.fields().at(c));
                server.tags = tags;
            }
        }
        const bool launchChanged = launch != ConfigurationDefaults::currentLaunchConfiguration(fleet, index);
        if (launchChanged)
            fleet.launchConfigurations.insert(server.id(), launch);
        if (launchChanged || !(server == before))
            ++result.serversModified;
    }
    return result;
}

} // namespace mgn
