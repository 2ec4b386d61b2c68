#include "app/aws/AwsTransport.h"
#include "app/mgn/Pager.h"
#include "tests/support/TestHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace mgn;
using namespace Qt::Literals::StringLiterals;

namespace {

const AwsCredentials testCredentials { u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
    std::nullopt, std::nullopt };

// A page of strings; an item "slow" makes its page take 400 ms to decode.
QByteArray pageJson(const QStringList &items, const QString &nextToken = {})
{
    QJsonObject body { { "items"_L1, QJsonArray::fromStringList(items) } };
    if (!nextToken.isEmpty())
        body.insert("nextToken"_L1, nextToken);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPager final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pagesInOrderWhenDecodedOutOfOrder();
    void lookaheadIsBounded_data();
    void lookaheadIsBounded();
    void failingPageStopsAndReportsOnce();
    void failureWaitsForEarlierPages();
    void emptyPageWithTokenContinues();
    void repeatedTokenStops();

private:
    struct Run {
        QStringList pages; // the first item of each page handed over
        QStringList decoded; // the same, in the order decoding ended
        std::optional<MgnResult<PagingProgress>> result;
        int doneCalls = 0;
        QList<int> requestsAtPage; // requests the server had seen at each hand-over
        QMutex mutex;
    };
    MgnCall *start(Run &run, int lookahead = 2);

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
};

void TestPager::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    AwsTransport::Options options;
    options.region = u"us-east-1"_s;
    options.timeout = std::chrono::seconds(10);
    m_transport = std::make_unique<AwsTransport>(options);
    m_transport->setCredentials(testCredentials);
    m_transport->setScheduler(
        [](std::chrono::milliseconds, QObject *, std::function<void()> fire) { fire(); });
}

void TestPager::cleanup()
{
    m_transport.reset();
    m_server.reset();
}

MgnCall *TestPager::start(Run &run, int lookahead)
{
    Pager<QString>::Spec spec;
    const QUrl url = m_server->url(u"/ListThings"_s);
    spec.makeRequest = [url](const std::optional<QString> &token) {
        AwsHttpRequest request;
        request.method = "POST";
        request.operation = u"ListThings"_s;
        request.idempotent = true;
        request.url = url;
        QJsonObject body;
        if (token)
            body.insert("token"_L1, *token);
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return request;
    };
    spec.parseEnvelope = [](const QByteArray &body) {
        return PageCodec::parseEnvelope(body, PageCodec::Parser::QJsonDocument);
    };
    spec.decodePage = [&run](const PageCodec::Envelope &envelope) {
        Page<QString> page;
        page.nextToken = envelope.nextToken;
        const QJsonArray items = envelope.body->value("items"_L1).toArray();
        for (const QJsonValue &item : items)
            page.items.append(item.toString());
        if (page.items.contains(u"slow"_s))
            QThread::msleep(400);
        const QMutexLocker lock(&run.mutex);
        run.decoded.append(page.items.value(0));
        return page;
    };
    spec.lookahead = lookahead;
    return Pager<QString>::start(
        m_transport.get(), std::move(spec),
        [this, &run](const Page<QString> &page, const PagingProgress &progress) {
            QCOMPARE(progress.pages, run.pages.size() + 1);
            run.pages.append(page.items.value(0));
            run.requestsAtPage.append(m_server->requestCount());
        },
        [&run](const MgnResult<PagingProgress> &result) {
            run.result = result;
            ++run.doneCalls;
        },
        m_transport.get());
}

void TestPager::pagesInOrderWhenDecodedOutOfOrder()
{
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"slow"_s }, u"t1"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"b"_s }, u"t2"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"c"_s })));
    Run run;
    start(run);
    QTRY_VERIFY(run.result);
    QVERIFY(run.result->ok());
    QCOMPARE(*run.result->value, (PagingProgress { 3, 3, 0 }));
    QCOMPARE(run.pages, (QStringList { u"slow"_s, u"b"_s, u"c"_s }));
    // The later pages were decoded while the first one still was.
    QCOMPARE(run.decoded, (QStringList { u"b"_s, u"c"_s, u"slow"_s }));
    QCOMPARE(run.doneCalls, 1);
}

void TestPager::lookaheadIsBounded_data()
{
    QTest::addColumn<int>("lookahead");
    QTest::addColumn<int>("requestsAtFirstPage");
    QTest::newRow("none") << 0 << 1;
    QTest::newRow("one") << 1 << 2;
    QTest::newRow("two") << 2 << 3;
    QTest::newRow("more than pages") << 20 << 6;
}

void TestPager::lookaheadIsBounded()
{
    QFETCH(int, lookahead);
    QFETCH(int, requestsAtFirstPage);
    // Six pages; the first decodes slowly, the server answers at once.
    m_server->setHandler([](const TestHttpServer::Request &request) {
        const int page = QJsonDocument::fromJson(request.body).object().value("token"_L1).toString().toInt();
        const QString item = page == 0 ? u"slow"_s : QString::number(page);
        return TestHttpServer::Response::json(
            200, pageJson({ item }, page < 5 ? QString::number(page + 1) : QString()));
    });
    Run run;
    start(run, lookahead);
    QTRY_VERIFY(run.result);
    QVERIFY(run.result->ok());
    QCOMPARE(run.pages, (QStringList { u"slow"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s }));
    QCOMPARE(run.requestsAtPage.value(0), requestsAtFirstPage);
    QCOMPARE(m_server->requestCount(), 6);
}

void TestPager::failingPageStopsAndReportsOnce()
{
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"a"_s }, u"t1"_s)));
    m_server->enqueue(
        TestHttpServer::Response::awsError(400, "ValidationException", R"({"message":"bad token"})"));
    Run run;
    QPointer<MgnCall> call = start(run);
    QSignalSpy finished(call.data(), &MgnCall::finished);
    QTRY_VERIFY(run.result);
    QCOMPARE(run.result->error->kind, AwsError::Kind::Validation);
    QCOMPARE(run.pages, QStringList { u"a"_s });
    QTest::qWait(100);
    QCOMPARE(run.doneCalls, 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestPager::failureWaitsForEarlierPages()
{
    // Page 3 fails while page 2 is still decoding: pages 1 and 2 come first.
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"a"_s }, u"t1"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"slow"_s }, u"t2"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, R"({"items":["c"],"nextToken":7})"));
    Run run;
    start(run);
    QTRY_VERIFY(run.result);
    QCOMPARE(run.result->error->kind, AwsError::Kind::MalformedResponse);
    QVERIFY2(run.result->error->message.contains(u"page 3: "_s), qPrintable(run.result->error->message));
    QCOMPARE(run.pages, (QStringList { u"a"_s, u"slow"_s }));
    QCOMPARE(run.doneCalls, 1);
}

void TestPager::emptyPageWithTokenContinues()
{
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({}, u"t1"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"x"_s })));
    Run run;
    start(run);
    QTRY_VERIFY(run.result);
    QVERIFY(run.result->ok());
    QCOMPARE(*run.result->value, (PagingProgress { 2, 1, 0 }));
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY(!QJsonDocument::fromJson(m_server->requests().at(0).body).object().contains("token"_L1));
    QCOMPARE(QJsonDocument::fromJson(m_server->requests().at(1).body).object().value("token"_L1), u"t1"_s);
}

void TestPager::repeatedTokenStops()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(200, pageJson({ u"a"_s }, u"same"_s));
    });
    Run run;
    start(run);
    QTRY_VERIFY(run.result);
    QCOMPARE(run.result->error->kind, AwsError::Kind::MalformedResponse);
    QVERIFY2(
        run.result->error->message.contains(u"nextToken: the service sent a nextToken it had sent before"_s),
        qPrintable(run.result->error->message));
    QCOMPARE(run.pages, QStringList { u"a"_s });
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(run.doneCalls, 1);
}

QTEST_GUILESS_MAIN(TestPager)
#include "tst_pager.moc"
