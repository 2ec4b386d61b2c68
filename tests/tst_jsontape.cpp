// JsonTape: what it accepts reads as QJsonDocument reads it, and what it
// refuses is listed, with whether QJsonDocument takes it (the codecs hand
// refused texts to QJsonDocument).
#include "models/json/JsonTape.h"
#include "tests/support/JsonTapeToJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::JsonTape;

namespace {

// {"a":[[...]]}, arrays nested `depth` deep.
QByteArray nestedArrays(int depth)
{
    return "{\"a\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + '}';
}

} // namespace

class TestJsonTape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAsQJsonDocument_data();
    void readsAsQJsonDocument();
    void refused_data();
    void refused();
    void lastDuplicateMemberWins();
    void walksChildrenInDocumentOrder();
    void numbers_data();
    void numbers();
    void strings_data();
    void strings();
    void memberNamesWithEscapes();
    void absentMembersAreInvalid();
    void truncatedTextsAreRefused();
};

void TestJsonTape::readsAsQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("whitespace everywhere") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n ");
    QTest::newRow("every type") << QByteArray(
        R"({"s":"text","i":42,"d":1.5,"t":true,"f":false,"n":null,"a":[1,"x",null,[],{}],"o":{"k":"v"}})");
    QTest::newRow("nested") << QByteArray(R"({"a":{"b":{"c":[{"d":[[[]]]}]}}})");
    QTest::newRow("escapes") << QByteArray(
        R"({"e":"q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u20ac\ud83d\ude00 \u0000"})");
    QTest::newRow("UTF-8") << QByteArray(
        "{\"u\":\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbf\"}");
    QTest::newRow("UTF-8 names") << QByteArray("{\"\xc3\xa9t\xc3\xa9\":1,\"\\u00e9t\\u00e9\":2}");
    QTest::newRow("duplicates") << QByteArray(R"({"a":1,"b":2,"a":"three","b":{"c":4}})");
    QTest::newRow("numbers") << QByteArray(
        R"({"a":[0,-0,7,-7,9223372036854775807,-9223372036854775808,9223372036854775808,1e2,1E+2,1.0,-0.0,0.5,1.7976931348623157e308,2.2250738585072014e-308,123456789012345678901234567890.0,1234567890123456789012345678901e-1]})");
    QTest::newRow("long string") << (QByteArray(R"({"s":")") + QByteArray(100000, 'x') + QByteArray(R"("})"));
    QTest::newRow("250 levels") << nestedArrays(250);
    QTest::newRow("256 levels, the most") << nestedArrays(255);
    QTest::newRow("zeros written as doubles") << QByteArray(R"({"a":0.0,"b":-0.0,"c":0e-400,"d":"1e-400"})");
}

void TestJsonTape::readsAsQJsonDocument()
{
    QFETCH(QByteArray, text);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const std::optional<JsonTape> tape = JsonTape::parse(text);
    QVERIFY(tape);
    QCOMPARE(jsonTapeToJson(tape->root()), QJsonValue(document.object()));
}

void TestJsonTape::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("qJsonDocumentTakesIt");
    // Not JSON: QJsonDocument refuses them too and says why.
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("spaces") << QByteArray("  ") << false;
    QTest::newRow("unterminated object") << QByteArray(R"({"a":1)") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << false;
    QTest::newRow("trailing comma in array") << QByteArray(R"({"a":[1,]})") << false;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << false;
    QTest::newRow("unquoted name") << QByteArray(R"({a:1})") << false;
    QTest::newRow("garbage after") << QByteArray(R"({"a":1} x)") << false;
    QTest::newRow("two documents") << QByteArray(R"({}{})") << false;
    QTest::newRow("bad literal") << QByteArray(R"({"a":tru})") << false;
    QTest::newRow("leading zero") << QByteArray(R"({"a":01})") << false;
    QTest::newRow("lone minus") << QByteArray(R"({"a":-})") << false;
    QTest::newRow("plus sign") << QByteArray(R"({"a":+1})") << false;
    QTest::newRow("number out of range") << QByteArray(R"({"a":1e400})") << false;
    QTest::newRow("number below range") << QByteArray(R"({"a":1e-400})") << false;
    QTest::newRow("unterminated string") << QByteArray(R"({"a":"abc})") << false;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xce\xba\xe1\"}") << false;
    QTest::newRow("overlong UTF-8") << QByteArray("{\"a\":\"\xc0\x80\"}") << false;
    QTest::newRow("UTF-8 surrogate") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << false;
    QTest::newRow("above U+10FFFF") << QByteArray("{\"a\":\"\xf4\x90\x80\x80\"}") << false;
    QTest::newRow("invalid UTF-8 name") << QByteArray("{\"\xff\":1}") << false;
    QTest::newRow("short \\u") << QByteArray(R"({"a":"\u12"})") << false;
    // JSON, or nearly, that QJsonDocument takes: JsonTape leaves them to it.
    QTest::newRow("top-level array") << QByteArray("[1]") << true;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"a\":1}") << true;
    QTest::newRow("tab in a string") << QByteArray("{\"a\":\"\t\"}") << true;
    QTest::newRow("unknown escape") << QByteArray(R"({"a":"\x"})") << true;
    QTest::newRow("lone high surrogate") << QByteArray(R"({"a":"\ud800"})") << true;
    QTest::newRow("lone low surrogate") << QByteArray(R"({"a":"\udc00"})") << true;
    QTest::newRow("reversed surrogates") << QByteArray(R"({"a":"\udc00\ud800"})") << true;
    QTest::newRow("fraction without digits") << QByteArray(R"({"a":2.})") << true;
    QTest::newRow("fraction without integer") << QByteArray(R"({"a":.5})") << true;
    QTest::newRow("subnormal number") << QByteArray(R"({"a":5e-324})") << true;
    // simdjson's limits on integers: QJsonDocument reads them as doubles.
    QTest::newRow("integer below qint64") << QByteArray(R"({"a":-9223372036854775809})") << true;
    QTest::newRow("integer past uint64") << QByteArray(R"({"a":18446744073709551616})") << true;
    QTest::newRow("underflow beside a zero") << QByteArray(R"({"a":0.0,"b":1e-400})") << false;
    QTest::newRow("257 levels") << nestedArrays(256) << true;
    QTest::newRow("300 levels") << nestedArrays(300) << true;
}

void TestJsonTape::refused()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, qJsonDocumentTakesIt);
    QVERIFY(!JsonTape::parse(text));
    QJsonParseError error;
    QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error == QJsonParseError::NoError, qJsonDocumentTakesIt);
}

void TestJsonTape::lastDuplicateMemberWins()
{
    const std::optional<JsonTape> tape = JsonTape::parse(R"({"a":1,"b":true,"a":"two"})");
    QVERIFY(tape);
    QCOMPARE(tape->root().size(), 3);
    QCOMPARE(tape->root().member("a"_L1).type(), JsonTape::Type::String);
    QCOMPARE(tape->root().member("a"_L1).toString(), u"two"_s);
    QCOMPARE(
        QJsonDocument::fromJson(R"({"a":1,"b":true,"a":"two"})").object().value("a"_L1).toString(), u"two"_s);
}

void TestJsonTape::walksChildrenInDocumentOrder()
{
    const std::optional<JsonTape> tape = JsonTape::parse(R"({"z":[3,[4,5],{"x":6}],"a":null})");
    QVERIFY(tape);
    const JsonTape::Value root = tape->root();
    JsonTape::Value name = root.firstChild();
    QVERIFY(name.equals("z"_L1));
    const JsonTape::Value array = name.next();
    QCOMPARE(array.type(), JsonTape::Type::Array);
    QCOMPARE(array.size(), 3);
    JsonTape::Value element = array.firstChild();
    QCOMPARE(element.toInteger(), 3);
    element = element.next();
    QCOMPARE(element.size(), 2);
    QCOMPARE(element.firstChild().next().toInteger(), 5);
    QVERIFY(!element.firstChild().next().next().isValid()); // the nested array ends there
    element = element.next();
    QCOMPARE(element.member("x"_L1).toInteger(), 6);
    QVERIFY(!element.next().isValid()); // the last element
    name = array.next();
    QVERIFY(name.equals("a"_L1));
    QVERIFY(name.next().isNull());
    QVERIFY(!name.next().next().isValid());
}

void TestJsonTape::numbers_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<qint64>("integerValue");
    QTest::addColumn<double>("doubleValue");
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0) << 0.0;
    QTest::newRow("minus zero") << QByteArray("-0") << true << qint64(0) << 0.0;
    QTest::newRow("large") << QByteArray("1099511627776") << true << qint64(1099511627776) << 1099511627776.0;
    QTest::newRow("qint64 max") << QByteArray("9223372036854775807") << true
                                << std::numeric_limits<qint64>::max() << 9223372036854775807.0;
    QTest::newRow("qint64 min") << QByteArray("-9223372036854775808") << true
                                << std::numeric_limits<qint64>::min() << -9223372036854775808.0;
    QTest::newRow("past qint64") << QByteArray("9223372036854775808") << false << qint64(0)
                                 << 9223372036854775808.0;
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615") << false << qint64(0)
                                << 18446744073709551615.0;
    QTest::newRow("past qint64 min, with a fraction, rounds to it")
        << QByteArray("-9223372036854775809.0") << true << std::numeric_limits<qint64>::min()
        << -9223372036854775808.0;
    QTest::newRow("exponent") << QByteArray("1e2") << true << qint64(100) << 100.0;
    QTest::newRow("minus zero fraction") << QByteArray("-0.0") << true << qint64(0) << 0.0;
    QTest::newRow("fraction") << QByteArray("-2.5") << false << qint64(0) << -2.5;
    QTest::newRow("whole fraction") << QByteArray("3.0") << true << qint64(3) << 3.0;
}

void TestJsonTape::numbers()
{
    QFETCH(QByteArray, number);
    QFETCH(bool, integer);
    QFETCH(qint64, integerValue);
    QFETCH(double, doubleValue);
    const QByteArray text = "{\"n\":" + number + '}';
    const std::optional<JsonTape> tape = JsonTape::parse(text);
    QVERIFY(tape);
    const JsonTape::Value value = tape->root().member("n"_L1);
    QCOMPARE(value.type(), JsonTape::Type::Number);
    QCOMPARE(value.isInteger(), integer);
    if (integer)
        QCOMPARE(value.toInteger(), integerValue);
    QCOMPARE(value.toDouble(), doubleValue);
    const QJsonValue qt = QJsonDocument::fromJson(text).object().value("n"_L1);
    QCOMPARE(value.toDouble(), qt.toDouble());
    if (integer)
        QCOMPARE(value.toInteger(), qt.toInteger());
}

void TestJsonTape::strings_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ASCII") << QByteArray(R"("abc")") << u"abc"_s;
    QTest::newRow("empty") << QByteArray(R"("")") << QString();
    QTest::newRow("escapes") << QByteArray(R"("a\"b\\c\/d\be\ff\ng\rh\ti")") << u"a\"b\\c/d\be\ff\ng\rh\ti"_s;
    QTest::newRow("\\u BMP") << QByteArray(R"("\u00e9\u20AC")") << u"\u00e9\u20ac"_s;
    QTest::newRow("\\u pair") << QByteArray(R"("\ud83d\ude00")") << u"\U0001F600"_s;
    QTest::newRow("\\u0000") << QByteArray(R"("a\u0000b")") << QString(u"a\0b"_s);
    QTest::newRow("UTF-8") << QByteArray("\"caf\xc3\xa9 \xe2\x82\xac\"") << u"caf\u00e9 \u20ac"_s;
    QTest::newRow("UTF-8 4 bytes") << QByteArray("\"\xf0\x9f\x98\x80!\"") << u"\U0001F600!"_s;
    QTest::newRow("UTF-8 and escapes") << QByteArray("\"\xc3\xa9\\n\xc3\xa9\"") << u"\u00e9\n\u00e9"_s;
    QTest::newRow("longer than the buffer")
        << (QByteArray(1, '"') + QByteArray(200, 'y') + QByteArray(1, '"')) << QString(200, u'y');
}

void TestJsonTape::strings()
{
    QFETCH(QByteArray, literal);
    QFETCH(QString, expected);
    const QByteArray text = "{\"s\":" + literal + '}';
    const std::optional<JsonTape> tape = JsonTape::parse(text);
    QVERIFY(tape);
    const JsonTape::Value value = tape->root().member("s"_L1);
    QCOMPARE(value.toString(), expected);
    JsonTape::StringBuffer buffer;
    QCOMPARE(value.toStringView(buffer).toString(), expected);
    QCOMPARE(QJsonDocument::fromJson(text).object().value("s"_L1).toString(), expected);
}

void TestJsonTape::memberNamesWithEscapes()
{
    const std::optional<JsonTape> tape = JsonTape::parse(R"({"\u0074ags":{"k":"v"},"a\/b":1})");
    QVERIFY(tape);
    QCOMPARE(tape->root().member("tags"_L1).member("k"_L1).toString(), u"v"_s);
    QCOMPARE(tape->root().member("a/b"_L1).toInteger(), 1);
    QVERIFY(!tape->root().member("a\\/b"_L1).isValid());
}

void TestJsonTape::absentMembersAreInvalid()
{
    const std::optional<JsonTape> tape = JsonTape::parse(R"({"a":{"b":[]},"n":null})");
    QVERIFY(tape);
    QVERIFY(!tape->root().member("b"_L1).isValid()); // only at the top level
    QVERIFY(tape->root().member("n"_L1).isValid());
    QVERIFY(tape->root().member("n"_L1).isNull());
    QVERIFY(!tape->root().member("a"_L1).member("b"_L1).firstChild().isValid());
    QVERIFY(!tape->root().member("n"_L1).member("x"_L1).isValid()); // not an object
    QCOMPARE(tape->root().member("n"_L1).size(), 0);
}

void TestJsonTape::truncatedTextsAreRefused()
{
    const QByteArray text(R"({"a":[1,-2.5e3,"x\u00e9\n",true,false,null,{"b":{}}],"c":"caf)"
                          "\xc3\xa9\"}");
    QVERIFY(JsonTape::parse(text));
    for (qsizetype length = 0; length < text.size(); ++length)
        QVERIFY2(!JsonTape::parse(text.left(length)), text.left(length).constData());
}

QTEST_GUILESS_MAIN(TestJsonTape)
#include "tst_jsontape.moc"
