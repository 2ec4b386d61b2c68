#include "emulator/service/ImportExportOperations.h"

#include "emulator/service/ConfigurationSupport.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetCsv.h"
#include "emulator/service/ModelInput.h"
#include "emulator/service/ServiceErrors.h"
#include "models/json/Iso8601.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSet>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QString isoNow(const Fleet &fleet)
{
    return QDateTime::fromMSecsSinceEpoch(fleet.wallNow(), Qt::UTC).toString(Qt::ISODateWithMs);
}

EmulatorResponse noS3()
{
    return ServiceErrors::validationMessage(
        u"This emulator has no S3: start mgn-emulator with --s3-root DIR, "
        u"where s3://bucket/key is DIR/bucket/key"_s,
        ValidationExceptionReason::Other);
}

// The file of s3://bucket/key, or nullopt with a ValidationException for a
// key that would leave its bucket ("..").
std::optional<QString> objectPath(
    const Fleet &fleet, const QString &bucket, const QString &key, EmulatorResponse *error)
{
    const QStringList segments = key.split(u'/');
    if (bucket == ".."_L1 || bucket == "."_L1 || segments.contains(u".."_s)) {
        *error = ConfigurationSupport::invalid(u"s3Key"_s,
            u"Member must name an object inside its bucket (no \"..\" segment)"_s, u'\'' + key + u'\'');
        return std::nullopt;
    }
    return QDir(fleet.s3Root).filePath(bucket + u'/' + key);
}

EmulatorResponse list(QLatin1StringView operation, const EmulatorRequest &request,
    const QList<QJsonObject> &tasks, QLatin1StringView idKey, QLatin1StringView filterKey)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    const QStringList ids = ConfigurationSupport::strings(input->value("filters"_L1).toObject(), filterKey);
    QList<QJsonObject> selected;
    for (const QJsonObject &task : tasks) {
        if (ids.isEmpty() || ids.contains(task.value(idKey).toString()))
            selected.append(task);
    }
    return ConfigurationSupport::page(operation, *input, selected, ids.join(u',').toUtf8());
}

EmulatorResponse listErrors(QLatin1StringView operation, const EmulatorRequest &request,
    const QList<QJsonObject> &tasks, const QHash<QString, QJsonArray> &errors, QLatin1StringView idKey,
    QLatin1StringView resourceType)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    const QString id = input->value(idKey).toString();
    if (ConfigurationSupport::find(tasks, idKey, id) < 0)
        return ServiceErrors::notFound(u"No task %1"_s.arg(id), id, resourceType);
    QList<QJsonObject> items;
    for (const QJsonValue &item : errors.value(id))
        items.append(item.toObject());
    return ConfigurationSupport::page(operation, *input, items, id.toUtf8());
}

} // namespace

EmulatorResponse ImportExportOperations::startExport(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read("StartExport"_L1, request, &error);
    if (!input)
        return error;
    if (fleet.s3Root.isEmpty())
        return noS3();
    const QString bucket = input->value("s3Bucket"_L1).toString();
    const QString key = input->value("s3Key"_L1).toString();
    const auto path = objectPath(fleet, bucket, key, &error);
    if (!path)
        return error;

    const QString id = fleet.newId("export-"_L1);
    const QString now = isoNow(fleet);
    const CsvTable table = FleetCsv::exportTable(fleet);
    QSet<QString> applications;
    for (const FleetServer &entry : fleet.servers) {
        if (entry.server.applicationID)
            applications.insert(*entry.server.applicationID);
    }
    QString failure;
    if (!QDir(QDir(fleet.s3Root).filePath(bucket)).exists()) {
        failure = u"The S3 bucket %1 does not exist (no folder %2 under the emulator's --s3-root)"_s.arg(
            bucket, bucket);
    } else {
        QDir().mkpath(QFileInfo(*path).absolutePath());
        QSaveFile file(*path);
        if (!file.open(QIODevice::WriteOnly) || file.write(table.toCsv()) < 0 || !file.commit())
            failure = u"Cannot write s3://%1/%2: %3"_s.arg(bucket, key, file.errorString());
    }
    QJsonObject task { { "exportID"_L1, id }, { "arn"_L1, fleet.arn("export"_L1, id) },
        { "s3Bucket"_L1, bucket }, { "s3Key"_L1, key },
        { "s3BucketOwner"_L1, input->value("s3BucketOwner"_L1).toString(fleet.accountId) },
        { "creationDateTime"_L1, now }, { "endDateTime"_L1, now },
        { "status"_L1, failure.isEmpty() ? u"SUCCEEDED"_s : u"FAILED"_s },
        { "progressPercentage"_L1, failure.isEmpty() ? 100.0 : 0.0 },
        { "summary"_L1,
            QJsonObject { { "serversCount"_L1, failure.isEmpty() ? table.rows.size() : 0 },
                { "applicationsCount"_L1, failure.isEmpty() ? applications.size() : 0 },
                { "wavesCount"_L1, 0 } } },
        { "tags"_L1, input->value("tags"_L1).toObject() } };
    fleet.exportTasks.append(task);
    if (!failure.isEmpty())
        fleet.exportErrors.insert(id,
            QJsonArray { QJsonObject { { "errorDateTime"_L1, now },
                { "errorData"_L1, QJsonObject { { "rawError"_L1, failure } } } } });
    return EmulatorResponse::json(202, QJsonObject { { "exportTask"_L1, task } });
}

EmulatorResponse ImportExportOperations::listExports(Fleet &fleet, const EmulatorRequest &request)
{
    return list("ListExports"_L1, request, fleet.exportTasks, "exportID"_L1, "exportIDs"_L1);
}

EmulatorResponse ImportExportOperations::listExportErrors(Fleet &fleet, const EmulatorRequest &request)
{
    return listErrors(
        "ListExportErrors"_L1, request, fleet.exportTasks, fleet.exportErrors, "exportID"_L1, "EXPORT"_L1);
}

EmulatorResponse ImportExportOperations::startImport(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read("StartImport"_L1, request, &error);
    if (!input)
        return error;
    if (fleet.s3Root.isEmpty())
        return noS3();
    const QJsonObject source = input->value("s3BucketSource"_L1).toObject();
    const QString bucket = source.value("s3Bucket"_L1).toString();
    const QString key = source.value("s3Key"_L1).toString();
    const auto path = objectPath(fleet, bucket, key, &error);
    if (!path)
        return error;
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString uri = u"s3://"_s + bucket + u'/' + key;
        return ServiceErrors::notFound(u"The S3 object %1 does not exist"_s.arg(uri), uri, "S3_OBJECT"_L1);
    }
    QString parseError;
    const auto table = CsvTable::parse(file.readAll(), &parseError);
    if (!table)
        return ServiceErrors::validationMessage(
            u"s3://%1/%2 is not a CSV file: %3"_s.arg(bucket, key, parseError),
            ValidationExceptionReason::Other);

    const QString id = fleet.newId("import-"_L1);
    const QString now = isoNow(fleet);
    const FleetCsv::ImportResult result = FleetCsv::importTable(fleet, *table, now);
    const QJsonObject task { { "importID"_L1, id }, { "arn"_L1, fleet.arn("import"_L1, id) },
        { "s3BucketSource"_L1, source }, { "creationDateTime"_L1, now }, { "endDateTime"_L1, now },
        { "status"_L1, u"SUCCEEDED"_s }, { "progressPercentage"_L1, 100.0 },
        { "summary"_L1,
            QJsonObject { { "waves"_L1, QJsonObject { { "createdCount"_L1, 0 }, { "modifiedCount"_L1, 0 } } },
                { "applications"_L1,
                    QJsonObject {
                        { "createdCount"_L1, result.applicationsCreated }, { "modifiedCount"_L1, 0 } } },
                { "servers"_L1,
                    QJsonObject {
                        { "createdCount"_L1, 0 }, { "modifiedCount"_L1, result.serversModified } } } } },
        { "tags"_L1, input->value("tags"_L1).toObject() } };
    fleet.importTasks.append(task);
    if (!result.errors.isEmpty())
        fleet.importErrors.insert(id, result.errors);
    return EmulatorResponse::json(202, QJsonObject { { "importTask"_L1, task } });
}

EmulatorResponse ImportExportOperations::listImports(Fleet &fleet, const EmulatorRequest &request)
{
    return list("ListImports"_L1, request, fleet.importTasks, "importID"_L1, "importIDs"_L1);
}

EmulatorResponse ImportExportOperations::listImportErrors(Fleet &fleet, const EmulatorRequest &request)
{
    return listErrors(
        "ListImportErrors"_L1, request, fleet.importTasks, fleet.importErrors, "importID"_L1, "IMPORT"_L1);
}

} // namespace mgn
