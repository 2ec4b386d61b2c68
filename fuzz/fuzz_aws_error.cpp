// AwsError::fromHttpResponse on an error response written as HTTP text (a
// status line, header lines, a blank line, the body): never crashes, the
// type is normalised and classified consistently, no message keeps the
// canonical request a signature error may echo, and a Retry-After HTTP-date
// that parses survives formatting and parsing again. The first 8 bytes also
// make an instant whose three HTTP-date forms must parse back to it; the
// process runs in a zone with DST, where a local reading would fail.
#include "app/aws/AwsError.h"
#include "app/aws/AwsHttpResponse.h"
#include "fuzz/FuzzCheck.h"

#include <QDateTime>
#include <QLocale>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

AwsHttpResponse responseFromText(const QByteArray &text)
{
    AwsHttpResponse response;
    const qsizetype headEnd = text.indexOf("\n\n");
    const QList<QByteArray> lines = (headEnd < 0 ? text : text.left(headEnd)).split('\n');
    if (headEnd >= 0)
        response.body = text.mid(headEnd + 2);
    // "HTTP/1.1 400 Bad Request" or a bare "400".
    const QList<QByteArray> status = lines.constFirst().split(' ');
    response.httpStatus = (status.size() > 1 ? status.at(1) : status.at(0)).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.append(
                { lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed() });
    }
    return response;
}

bool echoesCanonicalRequest(const QString &message)
{
    for (const auto marker : { "The Canonical String"_L1, "The String-to-Sign"_L1, "Canonical request"_L1 }) {
        if (message.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void checkHttpDate(const QByteArray &text)
{
    const std::optional<QDateTime> date = AwsHttpResponse::parseHttpDate(text);
    if (!date)
        return;
    MGN_FUZZ_CHECK(date->isValid() && date->timeSpec() == Qt::UTC);
    const QString imfFixdate = QLocale::c().toString(*date, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    const std::optional<QDateTime> again = AwsHttpResponse::parseHttpDate(imfFixdate.toLatin1());
    // IMF-fixdate has four-digit years only.
    if (date->date().year() >= 1000 && date->date().year() <= 9999) {
        MGN_FUZZ_CHECK(again.has_value());
        MGN_FUZZ_CHECK(*again == *date);
    }
}

void checkInstant(qint64 bits)
{
    // Whole seconds of years 1970..2069, which all three forms can write.
    const qint64 first = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 span = QDateTime(QDate(2070, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - first;
    const QDateTime instant = QDateTime::fromSecsSinceEpoch(first + (bits % span + span) % span, Qt::UTC);
    const QLocale c = QLocale::c();
    for (const QString &format : { u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s, u"dddd, dd-MMM-yy hh:mm:ss 'GMT'"_s,
             u"ddd MMM d hh:mm:ss yyyy"_s }) {
        const std::optional<QDateTime> parsed
            = AwsHttpResponse::parseHttpDate(c.toString(instant, format).toLatin1());
        MGN_FUZZ_CHECK(parsed.has_value());
        MGN_FUZZ_CHECK(*parsed == instant);
    }
}

} // namespace

// Central European time with its DST rule (POSIX form: no tzdata needed).
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const AwsHttpResponse response
        = responseFromText(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const AwsError error = AwsError::fromHttpResponse(response);

    MGN_FUZZ_CHECK(error.httpStatus == response.httpStatus);
    MGN_FUZZ_CHECK(!error.code.contains(u':') && !error.code.contains(u'#'));
    if (error.code.isEmpty())
        MGN_FUZZ_CHECK(error.kind == AwsError::Kind::UnexpectedHttpStatus);
    else
        MGN_FUZZ_CHECK(error.kind == AwsError::kindForCode(error.code));
    MGN_FUZZ_CHECK(!echoesCanonicalRequest(error.message));
    for (const AwsError::Detail &detail : error.errors)
        MGN_FUZZ_CHECK(!echoesCanonicalRequest(detail.message));
    if (error.retryAfter)
        MGN_FUZZ_CHECK(error.retryAfter->count() >= 0);
    if (error.isRetryable()) {
        const AwsError::Category category = error.category();
        MGN_FUZZ_CHECK(category != AwsError::Category::CallerFault && category != AwsError::Category::Auth
            && category != AwsError::Category::Cancelled);
    }
    MGN_FUZZ_CHECK(!error.userMessage().isEmpty());

    checkHttpDate(response.header("Retry-After"));
    checkHttpDate(response.header("Date"));
    if (size >= sizeof(qint64)) {
        qint64 bits = 0;
        std::memcpy(&bits, data, sizeof bits);
        checkInstant(bits);
    }
    return 0;
}
