#include "emulator/service/ServiceErrors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QString codeFor(ValidationExceptionReason reason)
{
    switch (reason) {
    case ValidationExceptionReason::UnknownOperation:
        return u"UNKNOWN_OPERATION"_s;
    case ValidationExceptionReason::CannotParse:
        return u"CANNOT_PARSE"_s;
    case ValidationExceptionReason::FieldValidationFailed:
        return u"FIELD_VALIDATION_FAILED"_s;
    case ValidationExceptionReason::Other:
    case ValidationExceptionReason::Unrecognized:
        break;
    }
    return u"OTHER"_s;
}

QJsonArray fieldList(const QList<ServiceErrors::Field> &fields)
{
    QJsonArray list;
    for (const auto &field : fields)
        list.append(QJsonObject { { "name"_L1, field.name }, { "message"_L1, field.message } });
    return list;
}

} // namespace

EmulatorResponse ServiceErrors::validation(const QList<Field> &fields, ValidationExceptionReason reason)
{
    QStringList parts;
    for (const auto &field : fields)
        parts << u"Value %1 at '%2' failed to satisfy constraint: %3"_s.arg(
            field.value, field.name, field.message);
    const QString message = u"%1 validation error%2 detected: %3"_s.arg(
        QString::number(fields.size()), fields.size() == 1 ? QString() : u"s"_s, parts.join(u"; "_s));
    return validationMessage(message, reason, fields);
}

EmulatorResponse ServiceErrors::validationMessage(
    const QString &message, ValidationExceptionReason reason, const QList<Field> &fields)
{
    QJsonObject members { { "code"_L1, codeFor(reason) },
        { "reason"_L1, QString(EnumValue<ValidationExceptionReason>::wireName(reason)) } };
    if (!fields.isEmpty())
        members.insert("fieldList"_L1, fieldList(fields));
    return EmulatorResponse::error(400, u"ValidationException"_s, message, members);
}

EmulatorResponse ServiceErrors::notFound(
    const QString &message, const QString &resourceId, QLatin1StringView type)
{
    return EmulatorResponse::error(404, u"ResourceNotFoundException"_s, message,
        QJsonObject { { "code"_L1, u"RESOURCE_NOT_FOUND"_s }, { "resourceId"_L1, resourceId },
            { "resourceType"_L1, QString(type) } });
}

EmulatorResponse ServiceErrors::conflict(const QString &message, const QList<Conflict> &conflicts)
{
    QJsonArray errors;
    for (const auto &conflict : conflicts)
        errors.append(QJsonObject { { "code"_L1, u"CONFLICT"_s }, { "message"_L1, conflict.message },
            { "resourceId"_L1, conflict.resourceId }, { "resourceType"_L1, conflict.resourceType } });
    QJsonObject members { { "code"_L1, u"CONFLICT"_s }, { "errors"_L1, errors } };
    if (!conflicts.isEmpty()) {
        members.insert("resourceId"_L1, conflicts.constFirst().resourceId);
        members.insert("resourceType"_L1, conflicts.constFirst().resourceType);
    }
    return EmulatorResponse::error(409, u"ConflictException"_s, message, members);
}

EmulatorResponse ServiceErrors::uninitializedAccount()
{
    return EmulatorResponse::error(400, u"UninitializedAccountException"_s,
        u"Account is not initialized. Initialize Application Migration Service in this region "
        u"(InitializeService) before using it."_s);
}

EmulatorResponse ServiceErrors::quotaExceeded(
    const QString &message, const QString &resourceId, QLatin1StringView type, int quotaValue)
{
    return EmulatorResponse::error(402, u"ServiceQuotaExceededException"_s, message,
        QJsonObject { { "code"_L1, u"SERVICE_QUOTA_EXCEEDED"_s }, { "resourceId"_L1, resourceId },
            { "resourceType"_L1, QString(type) }, { "serviceCode"_L1, u"mgn"_s },
            { "quotaValue"_L1, quotaValue } });
}

EmulatorResponse ServiceErrors::notEmulated(const QString &operation, const QString &why)
{
    return EmulatorResponse::error(
        501, u"NotEmulatedException"_s, u"mgn-emulator does not emulate %1: %2"_s.arg(operation, why));
}

EmulatorResponse ServiceErrors::unknownOperation(const QByteArray &method, const QByteArray &path)
{
    return EmulatorResponse::error(404, u"UnknownOperationException"_s,
        u"No operation of Application Migration Service matches %1 %2"_s.arg(
            QString::fromLatin1(method), QString::fromLatin1(path)));
}

} // namespace mgn
