#pragma once

#include "app/aws/AwsCredentials.h"
#include "app/aws/Clock.h"
#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <memory>

namespace mgn {

// Checks the SigV4 signature of a request as AWS does, against one set of
// credentials: the Authorization header (or, for a presigned request, the
// X-Amz-* query parameters) is parsed, the canonical request rebuilt from the
// request exactly as received (wire path encoded once more, as every service
// but S3 does; only the signed headers; the body's hash) with SigV4Signer's
// steps, and the signature compared in constant time.
//
// Refusals carry the error type, status and wording of AWS: clients key on
// them (the transport's clock-skew correction reads "Signature expired").
// Nothing here logs, and no message echoes a signature or a secret.
class SigV4Verifier final
{
public:
    struct Options final {
        AwsCredentials credentials; // a session token, when set, is required
        QString region = QStringLiteral("us-east-1");
        QString service = QStringLiteral("mgn");
        std::chrono::seconds maxSkew { 300 };
        // Remove dot segments and empty segments from the path before it is
        // canonicalised, as every service but S3 does.
        bool normalizePath = true;
    };

    enum class Failure {
        None,
        MissingAuthentication,
        IncompleteSignature,
        UnrecognizedClient, // unknown access key, or a session token that does not match
        SignatureExpired, // X-Amz-Date too far in the past (or a presigned request past its expiry)
        SignatureNotYetCurrent, // X-Amz-Date too far in the future
        InvalidScope, // date, region, service or terminator of the credential scope
        SignatureMismatch,
    };

    struct Result final {
        Failure failure = Failure::None;
        int status = 200;
        QString errorType;
        QString message;

        bool accepted() const { return failure == Failure::None; }
        // The error as the service sends it (x-amzn-ErrorType, JSON message).
        EmulatorResponse response() const;
    };

    // Without a clock, Clock::instance() at each verification.
    explicit SigV4Verifier(Options options, std::shared_ptr<const Clock> clock = nullptr);

    const Options &options() const { return m_options; }
    Result verify(const EmulatorRequest &request) const;

    static constexpr auto signatureMismatchMessage
        = "The request signature we calculated does not match the signature you provided. Check your AWS "
          "Secret Access Key and signing method. Consult the service documentation for details.";
    static constexpr auto unrecognizedClientMessage
        = "The security token included in the request is invalid.";

private:
    struct Authorization;
    static bool parseCredential(const QByteArray &credential, Authorization *authorization);
    Result verifyHeaders(const EmulatorRequest &request) const;
    Result verifyQuery(const EmulatorRequest &request) const;
    Result check(const EmulatorRequest &request, const Authorization &authorization) const;

    Options m_options;
    std::shared_ptr<const Clock> m_clock;
};

} // namespace mgn
