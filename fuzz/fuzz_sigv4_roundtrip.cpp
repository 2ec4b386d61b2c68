// Client and emulator agree on SigV4: a request (the suite's request.txt form)
// signed by SigV4Signer, written on the wire and read back by the emulator's
// HttpRequestParser, arrives as sent and passes SigV4Verifier. Requests the
// parser refuses (not HTTP) and those whose headers the signer takes from the
// caller (Content-Length, x-amz-content-sha256, ...) are skipped.
#include "app/aws/FixedClock.h"
#include "app/aws/SigV4Request.h"
#include "app/aws/SigV4Signer.h"
#include "emulator/http/HttpRequestParser.h"
#include "emulator/http/SigV4Verifier.h"
#include "fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>

using namespace mgn;

namespace {

const QDateTime signingTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);

// The AWS documentation's example keys.
AwsCredentials exampleCredentials()
{
    return { QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {},
        {} };
}

bool signable(const SigV4Request &request)
{
    if (!request.path.startsWith('/'))
        return false;
    for (const char *name : { "Content-Length", "Transfer-Encoding", "Expect", "x-amz-content-sha256" }) {
        if (request.hasHeader(name))
            return false;
    }
    // These make the emulator read the request as a presigned one.
    const QList<QByteArray> pairs = request.query.split('&');
    for (const QByteArray &pair : pairs) {
        const QByteArray key = QByteArray::fromPercentEncoding(pair.left(pair.indexOf('=')));
        if (key == "X-Amz-Signature" || key == "X-Amz-Algorithm" || key == "X-Amz-Credential")
            return false;
    }
    return true;
}

QByteArray wireText(const SigV4Request &request)
{
    QByteArray wire = request.method + ' ' + request.path;
    if (!request.query.isEmpty())
        wire += '?' + request.query;
    wire += " HTTP/1.1\r\n";
    for (const auto &[name, value] : request.headers)
        wire += name + ": " + value + "\r\n";
    // After signing, as a transport adds it.
    if (!request.body.isEmpty())
        wire += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    return wire + "\r\n" + request.body;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::optional<SigV4Request> request
        = SigV4Request::fromHttpText(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!request || !signable(*request))
        return 0;

    SigV4Signer::Options options;
    options.region = QStringLiteral("us-east-1");
    options.service = QStringLiteral("mgn");
    const SigV4Signer signer(options);
    const SigV4Request signedRequest
        = signer.signHeaders(*request, exampleCredentials(), signingTime).request;

    HttpRequestParser parser;
    parser.append(wireText(signedRequest));
    if (parser.parse() != HttpRequestParser::State::Complete)
        return 0;
    const EmulatorRequest received = parser.takeRequest();
    MGN_FUZZ_CHECK(received.method == signedRequest.method && received.path == signedRequest.path
        && received.query == signedRequest.query && received.body == signedRequest.body);

    SigV4Verifier::Options verifierOptions;
    verifierOptions.credentials = exampleCredentials();
    const SigV4Verifier verifier(verifierOptions, std::make_shared<FixedClock>(signingTime));
    const SigV4Verifier::Result result = verifier.verify(received);
    if (!result.accepted())
        std::fprintf(stderr, "refused: %s\n", qPrintable(result.message));
    MGN_FUZZ_CHECK(result.accepted());
    return 0;
}
