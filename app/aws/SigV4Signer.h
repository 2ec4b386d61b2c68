#pragma once

#include "app/aws/AwsCredentials.h"
#include "app/aws/Clock.h"
#include "app/aws/SigV4Request.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <memory>

class QNetworkRequest;

namespace mgn {

class SigV4SigningKeyCache;

// AWS Signature Version 4 (AWS4-HMAC-SHA256), as small public steps that are
// each tested on their own and together against the official test suite:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
//
// Nothing here logs. The signature, the Authorization header and the signed
// request it returns are as sensitive as the credentials for a while: callers
// must not log them either.
class SigV4Signer final
{
public:
    struct Options final {
        QString region;
        QString service;
        // Remove dot segments and empty segments from the path before it is
        // encoded. Every service but S3.
        bool normalizePath = true;
        // URI-encode the (already percent-encoded) path once more, so that
        // "%3A" becomes "%253A". Every service but S3.
        bool encodePath = true;
        // Header signing: add x-amz-content-sha256 with the payload hash.
        bool addContentSha256Header = false;
        // Sign the literal "UNSIGNED-PAYLOAD" instead of the body's hash.
        bool unsignedPayload = false;
        // Add the session token after signing instead of signing it (some
        // services want this; the suite's post-sts-header-after).
        bool omitSessionTokenFromSignature = false;
        // Query signing: how long the presigned request is valid.
        int expiresInSeconds = 3600;
    };

    struct Result final {
        SigV4Request request; // the signed request
        QByteArray canonicalRequest;
        QByteArray stringToSign;
        QByteArray signature;
    };

    static constexpr QByteArrayView algorithm = "AWS4-HMAC-SHA256";
    static constexpr QByteArrayView unsignedPayloadValue = "UNSIGNED-PAYLOAD";

    // Without a clock, the signer reads Clock::instance() at each signing.
    explicit SigV4Signer(Options options, std::shared_ptr<const Clock> clock = nullptr);

    const Options &options() const { return m_options; }
    // Shared by copies of this signer.
    SigV4SigningKeyCache &signingKeyCache() const { return *m_keyCache; }

    // Adds X-Amz-Security-Token (temporary credentials), X-Amz-Date,
    // x-amz-content-sha256 (when asked) and Authorization, replacing any
    // left from an earlier signing of the same request.
    Result signHeaders(const SigV4Request &request, const AwsCredentials &credentials) const;
    Result signHeaders(
        const SigV4Request &request, const AwsCredentials &credentials, const QDateTime &time) const;

    // Appends X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
    // X-Amz-SignedHeaders, X-Amz-Expires, X-Amz-Security-Token and
    // X-Amz-Signature to the query (a presigned request).
    Result signQuery(const SigV4Request &request, const AwsCredentials &credentials) const;
    Result signQuery(
        const SigV4Request &request, const AwsCredentials &credentials, const QDateTime &time) const;

    // Header-signs a request about to be sent by QNetworkAccessManager with
    // `verb` and `body`. Sets the Host header explicitly, so that what was
    // signed is what goes on the wire, then the headers signHeaders adds.
    void signNetworkRequest(QNetworkRequest &request, QByteArrayView verb, const QByteArray &body,
        const AwsCredentials &credentials) const;
    void signNetworkRequest(QNetworkRequest &request, QByteArrayView verb, const QByteArray &body,
        const AwsCredentials &credentials, const QDateTime &time) const;

    // --- The steps ---

    // RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ (and '/'
    // when `encodeSlash` is false), upper-case hex.
    static QByteArray uriEncode(QByteArrayView bytes, bool encodeSlash = true);
    // Removes "." and ".." segments and collapses runs of '/'; keeps a
    // trailing '/'. The result always starts with '/'.
    static QByteArray normalizePath(QByteArrayView path);
    static QByteArray canonicalUri(QByteArrayView path, bool normalize, bool encode);
    // Each key and value percent-decoded and encoded again with uriEncode,
    // sorted by key then value; a key without '=' gets an empty value.
    static QByteArray canonicalQueryString(QByteArrayView query);
    // Trims the value and collapses runs of whitespace to one space. Line
    // breaks count as whitespace, so a value folded over several lines
    // (obs-fold) reads as its lines joined by single spaces, as the official
    // suite defines it (get-header-value-multiline: "value1 value2 value3").
    static QByteArray canonicalHeaderValue(QByteArrayView value);
    // Headers never signed: hop-by-hop headers and those proxies rewrite,
    // the same list botocore skips, and Authorization itself.
    static bool isSignableHeader(QByteArrayView lowerCaseName);
    // "name:value\n" for each signable header, lower-case names in byte order,
    // the values of repeated headers joined by ',' in their order. Sets
    // `signedHeaders` to the names joined by ';'.
    static QByteArray canonicalHeaders(const SigV4Request::Headers &headers, QByteArray *signedHeaders);
    static QByteArray hexSha256(QByteArrayView data);
    static QByteArray canonicalRequest(QByteArrayView method, QByteArrayView canonicalUri,
        QByteArrayView canonicalQuery, QByteArrayView canonicalHeaders, QByteArrayView signedHeaders,
        QByteArrayView payloadHash);
    // yyyyMMddTHHmmssZ in UTC.
    static QByteArray amzDate(const QDateTime &time);
    // yyyyMMdd/region/service/aws4_request.
    static QByteArray credentialScope(QByteArrayView amzDate, const QString &region, const QString &service);
    static QByteArray stringToSign(
        QByteArrayView amzDate, QByteArrayView credentialScope, QByteArrayView canonicalRequest);
    // HMAC chain "AWS4" + secret -> date -> region -> service -> "aws4_request".
    static QByteArray deriveSigningKey(
        const QString &secretAccessKey, QByteArrayView date, const QString &region, const QString &service);
    // Lower-case hex HMAC-SHA256 of the string to sign.
    static QByteArray signature(QByteArrayView signingKey, QByteArrayView stringToSign);

private:
    QDateTime now() const;
    QByteArray payloadHash(const SigV4Request &request) const;

    Options m_options;
    std::shared_ptr<const Clock> m_clock;
    std::shared_ptr<SigV4SigningKeyCache> m_keyCache;
};

} // namespace mgn
