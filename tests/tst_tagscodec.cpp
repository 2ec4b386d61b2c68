#include "models/codec/TagsCodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace mgn;
using namespace Qt::Literals::StringLiterals;

class TestTagsCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode();
    void decode_data();
    void decode();
    void decodeMember_data();
    void decodeMember();
    void roundTrip();
};

void TestTagsCodec::encode()
{
    const Tags tags { { u"Wave"_s, u"7"_s }, { u"team name"_s, QString() } };
    QCOMPARE(TagsCodec::encode(tags), (QJsonObject { { "Wave"_L1, u"7"_s }, { "team name"_L1, QString() } }));
    QCOMPARE(TagsCodec::encode(Tags()), QJsonObject());
}

static QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

void TestTagsCodec::decode_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Tags>("tags");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QJsonObject() << true << Tags() << QString();
    QTest::newRow("strings") << object(R"({"a":"1","b":""})") << true
                             << Tags { { u"a"_s, u"1"_s }, { u"b"_s, QString() } } << QString();
    QTest::newRow("number") << object(R"({"a":"1","b":2})") << false << Tags()
                            << u"b: expected a string, got a number"_s;
    QTest::newRow("null") << object(R"({"a":null})") << false << Tags()
                          << u"a: expected a string, got null"_s;
    QTest::newRow("object") << object(R"({"x y":{}})") << false << Tags()
                            << u"[\"x y\"]: expected a string, got an object"_s;
}

void TestTagsCodec::decode()
{
    QFETCH(QJsonObject, input);
    QFETCH(bool, ok);
    QFETCH(Tags, tags);
    QFETCH(QString, error);
    const DecodeResult<Tags> result = TagsCodec::decode(input);
    QCOMPARE(result.ok(), ok);
    if (ok)
        QCOMPARE(*result.value, tags);
    else
        QCOMPARE(result.error.value_or(JsonError()).toString(), error);
}

void TestTagsCodec::decodeMember_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Tags>("tags");
    QTest::addColumn<QString>("error");

    QTest::newRow("absent") << QJsonObject() << true << Tags() << QString();
    QTest::newRow("null") << object(R"({"tags":null})") << true << Tags() << QString();
    QTest::newRow("map") << object(R"({"tags":{"k":"v"}})") << true << Tags { { u"k"_s, u"v"_s } }
                         << QString();
    QTest::newRow("array") << object(R"({"tags":[]})") << false << Tags()
                           << u"tags: expected an object, got an array"_s;
    QTest::newRow("value") << object(R"({"tags":{"k":true}})") << false << Tags()
                           << u"tags.k: expected a string, got a boolean"_s;
}

void TestTagsCodec::decodeMember()
{
    QFETCH(QJsonObject, input);
    QFETCH(bool, ok);
    QFETCH(Tags, tags);
    QFETCH(QString, error);
    const DecodeResult<Tags> result = TagsCodec::decodeMember(input, "tags"_L1);
    QCOMPARE(result.ok(), ok);
    if (ok)
        QCOMPARE(*result.value, tags);
    else
        QCOMPARE(result.error.value_or(JsonError()).toString(), error);
}

void TestTagsCodec::roundTrip()
{
    const Tags tags { { u"Name"_s, u"web-01"_s }, { u"\u00e9t\u00e9"_s, u"\"quoted\""_s } };
    const DecodeResult<Tags> result = TagsCodec::decode(TagsCodec::encode(tags));
    QVERIFY(result.ok());
    QCOMPARE(*result.value, tags);
}

QTEST_APPLESS_MAIN(TestTagsCodec)
#include "tst_tagscodec.moc"
