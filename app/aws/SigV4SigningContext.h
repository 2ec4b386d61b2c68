#pragma once

#include "app/aws/AwsCredentials.h"
#include "app/aws/SigV4Signer.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace mgn {

// The context.json of a case in the official SigV4 test suite (aws-c-auth):
// credentials, region, service, time and signing options. Read by the suite's
// tests and by `mgnctl debug-sign`.
struct SigV4SigningContext final {
    AwsCredentials credentials;
    QString region;
    QString service;
    QDateTime timestamp;
    bool normalize = true;
    bool signBody = false;
    bool omitSessionToken = false;
    int expirationInSeconds = 3600;
    QString signedBodyValue; // e.g. "UNSIGNED-PAYLOAD"; empty: the body's hash

    static std::optional<SigV4SigningContext> fromJson(const QByteArray &json, QString *error = nullptr);
    SigV4Signer::Options signerOptions() const;
};

} // namespace mgn
