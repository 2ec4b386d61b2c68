#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "models/domain/MgnEnums.h"

#include <QLatin1String>
#include <QList>
#include <QString>

namespace mgn {

// The errors of the MGN API as the service sends them: HTTP status,
// x-amzn-ErrorType, and a JSON body with "message" and the members of the
// error's shape in the API model (code, resourceId, resourceType, errors,
// reason, fieldList).
namespace ServiceErrors {
// ValidationExceptionField, plus the offending value for the message.
struct Field final {
    QString name; // the member's path: "maxResults", "filters.sourceServerIDs[3]"
    QString message; // "Member must have value greater than or equal to 1"
    QString value; // as shown in the message: "'0'", "null"

    bool operator==(const Field &) const = default;
};

// One source server (or other resource) a ConflictException is about.
struct Conflict final {
    QString resourceId;
    QString resourceType;
    QString message;
};

// 400 ValidationException: "N validation error(s) detected: Value X at
// 'name' failed to satisfy constraint: ...", with reason and fieldList.
EmulatorResponse validation(const QList<Field> &fields,
    mgn::ValidationExceptionReason reason = mgn::ValidationExceptionReason::FieldValidationFailed);
// 400 ValidationException with a message of its own (a body that is not
// JSON, a refusal the model declares as a ValidationException).
EmulatorResponse validationMessage(
    const QString &message, mgn::ValidationExceptionReason reason, const QList<Field> &fields = {});
// 404 ResourceNotFoundException.
EmulatorResponse notFound(const QString &message, const QString &resourceId, QLatin1StringView resourceType);
// 409 ConflictException naming each resource in conflict; resourceId and
// resourceType are the first one's.
EmulatorResponse conflict(const QString &message, const QList<Conflict> &conflicts);
// 404 UnknownOperationException, as AWS answers a path or method no
// operation has.
EmulatorResponse unknownOperation(const QByteArray &method, const QByteArray &path);
// 400 UninitializedAccountException: InitializeService was never called.
EmulatorResponse uninitializedAccount();
// 402 ServiceQuotaExceededException: the quota `quotaValue` of the resource.
EmulatorResponse quotaExceeded(
    const QString &message, const QString &resourceId, QLatin1StringView resourceType, int quotaValue);
// 501 NotEmulatedException: a modelled operation this emulator does not
// play; the message names it and says why.
EmulatorResponse notEmulated(const QString &operation, const QString &why);

inline constexpr QLatin1StringView sourceServerType { "SOURCE_SERVER" };
inline constexpr QLatin1StringView jobType { "JOB" };
inline constexpr QLatin1StringView vcenterClientType { "VCENTER_CLIENT" };
inline constexpr QLatin1StringView resourceType { "RESOURCE" };
inline constexpr QLatin1StringView applicationType { "APPLICATION" };
inline constexpr QLatin1StringView waveType { "WAVE" };
inline constexpr QLatin1StringView connectorType { "CONNECTOR" };
} // namespace ServiceErrors

} // namespace mgn
