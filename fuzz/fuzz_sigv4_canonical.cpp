// SigV4 canonicalisation (SigV4Signer's steps) on requests written as the
// official suite's request.txt (SigV4Request::fromHttpText): never crashes,
// and each step's output is canonical: normalising or canonicalising it again
// changes nothing, the URI and query use only unreserved characters and
// %XX escapes, and the canonical headers are one line per signed name, the
// names lower-case, sorted and unique.
#include "app/aws/SigV4Request.h"
#include "app/aws/SigV4Signer.h"
#include "fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace mgn;

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

// Only unreserved characters, upper-case %XX escapes and the `extra` characters.
bool isEncoded(QByteArrayView text, QByteArrayView extra)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (isUnreserved(c) || extra.contains(c))
            continue;
        if (c != '%' || i + 2 >= text.size() || !isHexDigit(text.at(i + 1)) || !isHexDigit(text.at(i + 2)))
            return false;
        i += 2;
    }
    return true;
}

void checkPath(const QByteArray &path)
{
    const QByteArray normalized = SigV4Signer::normalizePath(path);
    MGN_FUZZ_CHECK(normalized.startsWith('/'));
    MGN_FUZZ_CHECK(!normalized.contains("//") && !normalized.contains("/./") && !normalized.contains("/../"));
    MGN_FUZZ_CHECK(SigV4Signer::normalizePath(normalized) == normalized);
    const QByteArray uri = SigV4Signer::canonicalUri(path, true, true);
    MGN_FUZZ_CHECK(isEncoded(uri, "/"));
    MGN_FUZZ_CHECK(
        SigV4Signer::canonicalUri(path, false, false) == (path.isEmpty() ? QByteArray("/") : path));
}

void checkQuery(const QByteArray &query)
{
    const QByteArray canonical = SigV4Signer::canonicalQueryString(query);
    MGN_FUZZ_CHECK(isEncoded(canonical, "=&"));
    MGN_FUZZ_CHECK(SigV4Signer::canonicalQueryString(canonical) == canonical);
}

// An HTTP field name (RFC 9110 token); others (';', '\n', ...) would not
// survive a trip through an HTTP parser and make SignedHeaders ambiguous.
bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        if (!isUnreserved(c) && !QByteArrayView("!#$%&'*+^`|").contains(c))
            return false;
    }
    return true;
}

void checkHeaders(const SigV4Request::Headers &headers)
{
    bool tokenNames = true;
    for (const auto &[name, value] : headers) {
        tokenNames = tokenNames && isToken(name.trimmed());
        const QByteArray canonicalValue = SigV4Signer::canonicalHeaderValue(value);
        MGN_FUZZ_CHECK(!canonicalValue.contains('\n') && !canonicalValue.contains('\r'));
        MGN_FUZZ_CHECK(SigV4Signer::canonicalHeaderValue(canonicalValue) == canonicalValue);
    }

    QByteArray signedHeaders;
    const QByteArray canonical = SigV4Signer::canonicalHeaders(headers, &signedHeaders);
    if (!tokenNames)
        return;
    const QList<QByteArray> names = signedHeaders.isEmpty() ? QList<QByteArray>() : signedHeaders.split(';');
    MGN_FUZZ_CHECK(canonical.count('\n') == names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        MGN_FUZZ_CHECK(names.at(i) == names.at(i).toLower());
        MGN_FUZZ_CHECK(SigV4Signer::isSignableHeader(names.at(i)));
        if (i > 0)
            MGN_FUZZ_CHECK(names.at(i - 1) < names.at(i));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<SigV4Request> request = SigV4Request::fromHttpText(text);
    if (!request) {
        // The steps on the raw bytes all the same.
        checkPath(text.toByteArray());
        checkQuery(text.toByteArray());
        return 0;
    }
    checkPath(request->path);
    checkQuery(request->query);
    checkHeaders(request->headers);

    // The suite's text form of the request reads back as the same request.
    // (Its CRLF -> LF rewriting is not one to one: "\r\r\n" becomes "\r\n";
    // and an empty path, as in "GET ?a HTTP/1.1", has no text form.)
    if (!text.contains('\r') && !request->path.isEmpty()) {
        const std::optional<SigV4Request> again = SigV4Request::fromHttpText(request->toHttpText());
        MGN_FUZZ_CHECK(again.has_value());
        MGN_FUZZ_CHECK(again->method == request->method && again->path == request->path
            && again->query == request->query && again->headers == request->headers
            && again->httpVersion == request->httpVersion && again->body == request->body);
    }

    const QByteArray canonicalRequest
        = SigV4Signer::canonicalRequest(request->method, SigV4Signer::canonicalUri(request->path, true, true),
            SigV4Signer::canonicalQueryString(request->query),
            SigV4Signer::canonicalHeaders(request->headers, nullptr), QByteArrayView(),
            SigV4Signer::hexSha256(request->body));
    MGN_FUZZ_CHECK(canonicalRequest.endsWith(SigV4Signer::hexSha256(request->body)));
    return 0;
}
