#include "app/aws/FixedClock.h"
#include "emulator/http/HttpRequestParser.h"
#include "emulator/http/SigV4Verifier.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mgn;

// The emulator's side of SigV4 against the official suite, not against the
// client: every signed request of every case (header and query signing) is
// sent as bytes through the emulator's HTTP parser and verified by its
// SigV4Verifier, with the case's credentials, region and service, and a clock
// stopped at the case's time. The verifier reuses the signer's steps, so a
// bug in both would pass tst_sigv4's round trips; the suite's signatures are
// the oracle here. One changed byte of a signed header, of the body or of the
// signature must be refused.

using namespace Qt::Literals::StringLiterals;

namespace {

const QString suiteDir = QStringLiteral(MGN_TEST_DATA_DIR "/sigv4-test-suite");

// Cases whose signed request is not a valid HTTP/1.1 message as written, and
// why. The parser must refuse them with 400 (asserted); the verifier is then
// checked on the request as the suite writes it, split by this test itself.
// Every other case goes through the parser.
const QHash<QString, QString> &notOnTheWire()
{
    static const QHash<QString, QString> cases {
        { u"get-space-unnormalized"_s,
            u"the request target holds a space, which RFC 9112 (3.2) does not allow; a client sends "
            "it percent-encoded as /example%20space/, and then signs that path encoded once more "
            "(/example%2520space/), as every service but S3 does: another request than the suite's"_s },
    };
    return cases;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct SuiteContext {
    SigV4Verifier::Options options;
    QDateTime time;
};

// context.json read here rather than with the client's SigV4SigningContext.
SuiteContext readContext(const QString &dir)
{
    const QJsonObject root = QJsonDocument::fromJson(readFile(dir + u"/context.json"_s)).object();
    const QJsonObject credentials = root.value("credentials"_L1).toObject();
    SuiteContext context;
    context.options.credentials.accessKeyId = credentials.value("access_key_id"_L1).toString();
    context.options.credentials.secretAccessKey = credentials.value("secret_access_key"_L1).toString();
    if (credentials.contains("token"_L1))
        context.options.credentials.sessionToken = credentials.value("token"_L1).toString();
    context.options.region = root.value("region"_L1).toString();
    context.options.service = root.value("service"_L1).toString();
    context.options.normalizePath = root.value("normalize"_L1).toBool(true);
    context.time = QDateTime::fromString(root.value("timestamp"_L1).toString(), Qt::ISODate);
    return context;
}

// The suite's text (LF line ends, the head, an empty line, the body) as it
// goes on the wire: CRLF after each line of the head.
QByteArray wireBytes(const QList<QByteArray> &headLines, const QByteArray &body)
{
    return headLines.join("\r\n") + "\r\n\r\n" + body;
}

// The request as the suite writes it, for the cases an HTTP/1.1 parser must
// refuse: the method ends at the first space, the version starts at the last.
EmulatorRequest splitByHand(const QList<QByteArray> &headLines, const QByteArray &body)
{
    EmulatorRequest request;
    const QByteArray &line = headLines.constFirst();
    const qsizetype first = line.indexOf(' ');
    const qsizetype last = line.lastIndexOf(' ');
    request.method = line.left(first);
    const QByteArray target = line.mid(first + 1, last - first - 1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < headLines.size(); ++i) {
        const QByteArray &header = headLines.at(i);
        const qsizetype colon = header.indexOf(':');
        request.headers.append({ header.left(colon), header.mid(colon + 1).trimmed() });
    }
    request.body = body;
    return request;
}

// The lower-case names of the headers the request signed.
QList<QByteArray> signedHeaderNames(const QList<QByteArray> &headLines)
{
    QByteArray names;
    for (const QByteArray &line : headLines) {
        const qsizetype at = line.indexOf("SignedHeaders=");
        if (at < 0)
            continue;
        const qsizetype start = at + 14;
        qsizetype end = start;
        while (end < line.size() && line.at(end) != ',' && line.at(end) != '&' && line.at(end) != ' ')
            ++end;
        names = QByteArray::fromPercentEncoding(line.mid(start, end - start));
    }
    return names.split(';');
}

// One byte changed: the next character, or 'x' for the last possible ones.
void changeByte(QByteArray *text, qsizetype at)
{
    const char c = text->at(at);
    (*text)[at] = (c == 'z' || c == 'Z' || c == '9' || c == 'f') ? 'a' : char(c + 1);
}

} // namespace

class TestSigV4SuiteVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCaseIsFound();
    void signedRequestVerifies_data();
    void signedRequestVerifies();
    void tamperedRequestIsRefused_data();
    void tamperedRequestIsRefused();

private:
    static void addRows();
    // Parses the bytes (or, for the cases in notOnTheWire(), checks that the
    // parser refuses them and splits them by hand) and verifies the request.
    static SigV4Verifier::Result receive(
        const QString &dir, bool onTheWire, const QList<QByteArray> &headLines, const QByteArray &body);
};

void TestSigV4SuiteVerifier::addRows()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("onTheWire");
    // Nested case folders too (the older suite's normalize-path/, post-sts-token/).
    QStringList dirs;
    QDirIterator it(suiteDir, { u"context.json"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        dirs.append(QFileInfo(it.next()).path());
    dirs.sort();
    for (const QString &dir : std::as_const(dirs)) {
        const QString name = QDir(suiteDir).relativeFilePath(dir);
        for (const QString &mode : { u"header"_s, u"query"_s }) {
            QTest::newRow(qPrintable(name + u' ' + mode)) << dir << mode << !notOnTheWire().contains(name);
        }
    }
}

SigV4Verifier::Result TestSigV4SuiteVerifier::receive(
    const QString &dir, bool onTheWire, const QList<QByteArray> &headLines, const QByteArray &body)
{
    const SuiteContext context = readContext(dir);
    const SigV4Verifier verifier(context.options, std::make_shared<FixedClock>(context.time));
    HttpRequestParser parser;
    parser.append(wireBytes(headLines, body));
    const HttpRequestParser::State state = parser.parse();
    if (!onTheWire) {
        if (state != HttpRequestParser::State::Error || parser.errorStatus() != 400)
            QTest::qFail("the parser accepts a case listed as not an HTTP/1.1 message", __FILE__, __LINE__);
        return verifier.verify(splitByHand(headLines, body));
    }
    if (state != HttpRequestParser::State::Complete) {
        QTest::qFail(
            qPrintable(u"the parser did not read one whole request: %1 %2"_s.arg(parser.errorStatus())
                           .arg(parser.errorMessage())),
            __FILE__, __LINE__);
        return {};
    }
    const EmulatorRequest request = parser.takeRequest();
    if (parser.hasPartialRequest())
        QTest::qFail("bytes left after the request", __FILE__, __LINE__);
    return verifier.verify(request);
}

// The count guards against a copy of the suite that lost cases; the list of
// exceptions against one that lost the cases it names.
void TestSigV4SuiteVerifier::everyCaseIsFound()
{
    int cases = 0;
    QDirIterator it(suiteDir, { u"context.json"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++cases;
    }
    QCOMPARE(cases, 31);
    for (auto exception = notOnTheWire().cbegin(); exception != notOnTheWire().cend(); ++exception) {
        QVERIFY2(QFile::exists(suiteDir + u'/' + exception.key() + u"/header-signed-request.txt"_s),
            qPrintable(exception.key()));
        qInfo("not sent through the parser: %s: %s", qPrintable(exception.key()),
            qPrintable(exception.value()));
    }
}

void TestSigV4SuiteVerifier::signedRequestVerifies_data()
{
    addRows();
}

void TestSigV4SuiteVerifier::signedRequestVerifies()
{
    QFETCH(QString, dir);
    QFETCH(QString, mode);
    QFETCH(bool, onTheWire);
    const QByteArray text = readFile(dir + u'/' + mode + u"-signed-request.txt"_s);
    const qsizetype headEnd = text.indexOf("\n\n");
    QVERIFY(headEnd > 0);
    const SigV4Verifier::Result result
        = receive(dir, onTheWire, text.left(headEnd).split('\n'), text.mid(headEnd + 2));
    QVERIFY2(result.accepted(), qPrintable(result.errorType + u": "_s + result.message));
}

void TestSigV4SuiteVerifier::tamperedRequestIsRefused_data()
{
    addRows();
}

void TestSigV4SuiteVerifier::tamperedRequestIsRefused()
{
    QFETCH(QString, dir);
    QFETCH(QString, mode);
    QFETCH(bool, onTheWire);
    const QByteArray text = readFile(dir + u'/' + mode + u"-signed-request.txt"_s);
    const qsizetype headEnd = text.indexOf("\n\n");
    QVERIFY(headEnd > 0);
    const QList<QByteArray> headLines = text.left(headEnd).split('\n');
    const QByteArray body = text.mid(headEnd + 2);

    // The last byte of the signature (in the Authorization header or the query).
    {
        QList<QByteArray> lines = headLines;
        const QByteArrayView marker = mode == u"header"_s ? "Signature=" : "X-Amz-Signature=";
        qsizetype line = 0;
        qsizetype at = -1;
        for (; line < lines.size() && at < 0; ++line)
            at = lines.at(line).indexOf(marker);
        QVERIFY(at >= 0);
        QByteArray &changed = lines[line - 1];
        changeByte(&changed, at + marker.size() + 63);
        const SigV4Verifier::Result result = receive(dir, onTheWire, lines, body);
        QCOMPARE(result.failure, SigV4Verifier::Failure::SignatureMismatch);
    }

    // The last byte of each signed header's first line. Content-Length is left
    // alone: changing it frames another message rather than changing a value.
    const QList<QByteArray> signedNames = signedHeaderNames(headLines);
    QVERIFY(signedNames.contains("host"));
    int changedHeaders = 0;
    for (qsizetype i = 1; i < headLines.size(); ++i) {
        const QByteArray &line = headLines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (line.startsWith(' ') || colon <= 0 || colon == line.size() - 1)
            continue;
        const QByteArray name = line.left(colon).toLower();
        if (!signedNames.contains(name) || name == "content-length")
            continue;
        QList<QByteArray> lines = headLines;
        changeByte(&lines[i], line.size() - 1);
        const SigV4Verifier::Result result = receive(dir, onTheWire, lines, body);
        QVERIFY2(!result.accepted(), name.constData());
        ++changedHeaders;
    }
    QVERIFY(changedHeaders >= 1);

    // The body, when there is one: its hash is signed.
    if (!body.isEmpty()) {
        QByteArray changed = body;
        changeByte(&changed, 0);
        QVERIFY(!receive(dir, onTheWire, headLines, changed).accepted());
    }
}

QTEST_GUILESS_MAIN(TestSigV4SuiteVerifier)
#include "tst_sigv4suiteverifier.moc"
