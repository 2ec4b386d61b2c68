#include "emulator/service/PlanningGenerator.h"

#include "emulator/service/Fleet.h"
#include "models/json/Iso8601.h"

#include <QStringList>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 day = 24LL * 3600 * 1000;

struct Named final {
    QString name;
    QString description;
};

const QList<Named> &applicationNames()
{
    static const QList<Named> names {
        { u"Customer portal"_s, u"Public web front end and its session store"_s },
        { u"Order management"_s, u"Order intake, fulfilment and the nightly batch"_s },
        { u"Payments"_s, u"Payment gateway and settlement services"_s },
        { u"HR system"_s, u"Payroll and employee self-service"_s },
        { u"Data warehouse"_s, u"Reporting database and ETL jobs"_s },
        { u"Intranet"_s, u"Internal wiki, file shares and search"_s },
        { u"CRM"_s, u"Sales and support case management"_s },
        { u"Inventory"_s, u"Warehouse stock levels and replenishment"_s },
        { u"Billing"_s, u"Invoicing and dunning"_s },
        { u"Identity"_s, u"Directory services and single sign-on"_s },
        { u"Email gateway"_s, u"Inbound and outbound mail relays"_s },
        { u"Monitoring"_s, u"Metrics, logs and alerting"_s },
    };
    return names;
}

PlanningRecord record(const QString &id, const QString &arn, const Named &named, qint64 created)
{
    return { id, arn,
        QJsonObject { { "name"_L1, named.name }, { "description"_L1, named.description },
            { "isArchived"_L1, false }, { "creationDateTime"_L1, Iso8601::formatDateTime(created) },
            { "lastModifiedDateTime"_L1, Iso8601::formatDateTime(created + day) } },
        Tags { { u"CostCenter"_s, u"migration"_s } } };
}

} // namespace

void PlanningGenerator::addApplication(
    Fleet &fleet, const QString &applicationID, int number, qint64 wallMsecs)
{
    const auto &names = applicationNames();
    Named named = names.at(number % names.size());
    if (number >= names.size())
        named.name += u' ' + QString::number(number / names.size() + 1);
    fleet.applications.push_back(record(
        applicationID, fleet.arn("application"_L1, applicationID), named, wallMsecs - (40 - number) * day));
}

void PlanningGenerator::addWaves(Fleet &fleet, qint64 wallMsecs)
{
    if (fleet.applications.empty())
        return;
    static const QList<Named> waves {
        { u"Wave 1 - Pilot"_s, u"Low-risk applications first, to prove the runbook"_s },
        { u"Wave 2 - Business applications"_s, u"Revenue-bearing applications, cut over on a weekend"_s },
    };
    const qsizetype count = qsizetype(fleet.applications.size());
    const qsizetype waveCount = count >= 2 ? 2 : 1;
    QStringList ids;
    for (qsizetype w = 0; w < waveCount; ++w) {
        const QString id = fleet.newId("wave-"_L1);
        fleet.waves.push_back(
            record(id, fleet.arn("wave"_L1, id), waves.at(w), wallMsecs - (45 - w * 10) * day));
        ids << id;
    }
    for (qsizetype i = 0; i < count; ++i)
        fleet.applications[std::size_t(i)].fields.insert("waveID"_L1, ids.at(i * waveCount / count));
}

} // namespace mgn
