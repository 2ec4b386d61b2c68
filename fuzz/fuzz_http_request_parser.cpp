// The emulator's HttpRequestParser on a connection's bytes: never crashes,
// never reads past its limits, and gives the same requests and the same
// error however the bytes are split into reads (all at once, or in pieces of
// a size the input chooses). Each request it reads then goes to
// SigV4Verifier, which must refuse it: the fuzzer does not know the key, so
// an accepted request would be a way around the signature.
#include "app/aws/FixedClock.h"
#include "emulator/http/HttpRequestParser.h"
#include "emulator/http/SigV4Verifier.h"
#include "fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>
#include <fuzzer/FuzzedDataProvider.h>

using namespace mgn;

namespace {

const QDateTime verifierTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);

const SigV4Verifier &verifier()
{
    static const SigV4Verifier instance = [] {
        SigV4Verifier::Options options;
        options.credentials
            = { QStringLiteral("AKIDEXAMPLE"), QStringLiteral("a secret no corpus holds"), {}, {} };
        return SigV4Verifier(options, std::make_shared<FixedClock>(verifierTime));
    }();
    return instance;
}

// What a run produced, comparable across runs: each request, then the error.
struct Outcome final {
    QList<EmulatorRequest> requests;
    QList<bool> keepAlive;
    int errorStatus = 0;

    bool operator==(const Outcome &other) const
    {
        if (requests.size() != other.requests.size() || keepAlive != other.keepAlive
            || errorStatus != other.errorStatus)
            return false;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const EmulatorRequest &a = requests.at(i);
            const EmulatorRequest &b = other.requests.at(i);
            if (a.method != b.method || a.path != b.path || a.query != b.query || a.headers != b.headers
                || a.body != b.body)
                return false;
        }
        return true;
    }
};

// Parses what has arrived; false once the parser has failed.
bool drain(HttpRequestParser &parser, const HttpRequestParser::Limits &limits, Outcome &outcome)
{
    for (;;) {
        switch (parser.parse()) {
        case HttpRequestParser::State::NeedMore:
            return true;
        case HttpRequestParser::State::Error:
            outcome.errorStatus = parser.errorStatus();
            MGN_FUZZ_CHECK(QList<int>({ 400, 413, 417, 431, 501, 505 }).contains(outcome.errorStatus));
            MGN_FUZZ_CHECK(!parser.errorMessage().isEmpty());
            return false;
        case HttpRequestParser::State::Complete: {
            outcome.keepAlive.append(parser.keepAlive());
            const EmulatorRequest request = parser.takeRequest();
            MGN_FUZZ_CHECK(!request.method.isEmpty() && request.path.startsWith('/'));
            MGN_FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
            MGN_FUZZ_CHECK(request.headers.size() <= limits.maxHeaders);
            outcome.requests.append(request);
            break;
        }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // FuzzedDataProvider takes integers from the end: the seeds end with a
    // zero (default limits) and the size of the pieces; the rest is the stream.
    FuzzedDataProvider input(data, size);
    HttpRequestParser::Limits limits;
    if (input.ConsumeBool()) {
        limits.maxHeadBytes = input.ConsumeIntegralInRange<qsizetype>(16, 2048);
        limits.maxBodyBytes = input.ConsumeIntegralInRange<qsizetype>(0, 4096);
        limits.maxHeaders = input.ConsumeIntegralInRange<int>(1, 32);
    }
    const std::size_t piece = input.ConsumeIntegralInRange<std::size_t>(1, 64);
    const std::string bytes = input.ConsumeRemainingBytesAsString();

    Outcome whole;
    HttpRequestParser wholeParser(limits);
    wholeParser.append(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    drain(wholeParser, limits, whole);

    Outcome pieces;
    HttpRequestParser piecesParser(limits);
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        piecesParser.append(QByteArrayView(bytes.data() + at, qsizetype(std::min(piece, bytes.size() - at))));
        if (!drain(piecesParser, limits, pieces))
            break;
    }
    MGN_FUZZ_CHECK(whole == pieces);

    for (const EmulatorRequest &request : std::as_const(whole.requests)) {
        const SigV4Verifier::Result result = verifier().verify(request);
        MGN_FUZZ_CHECK(!result.accepted());
        MGN_FUZZ_CHECK(result.status == 403 && !result.errorType.isEmpty());
    }
    return 0;
}
