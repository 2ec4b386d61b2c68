#include "app/cli/ShorthandParser.h"
#include "tests/support/PeerTool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

// Rows of the syntax: the input, then either the object awscli's parser gives
// (JSON) or the start of its error.
struct Row final {
    const char *name;
    QString input;
    QString json;
    QString error;
};

QList<Row> syntaxRows()
{
    QList<Row> rows;
    auto row = [&rows](const char *name, const QString &input, const QString &json, const QString &error) {
        rows.append({ name, input, json, error });
    };
    row("simple", u"a=b"_s, u"{\"a\": \"b\"}"_s, QString());
    row("two keys", u"a=b,c=d"_s, u"{\"a\": \"b\", \"c\": \"d\"}"_s, QString());
    row("csv list", u"a=b,c,d"_s, u"{\"a\": [\"b\", \"c\", \"d\"]}"_s, QString());
    row("csv list then key", u"a=b,c,d=e"_s, u"{\"a\": [\"b\", \"c\"], \"d\": \"e\"}"_s, QString());
    row("spaces around", u" a = b , c = d "_s, QString(), u"Expected: '=', received: 'a' for input:\n"_s);
    row("space inside value", u"a=hello world"_s, u"{\"a\": \"hello world\"}"_s, QString());
    row("trailing space trimmed", u"a=b   "_s, u"{\"a\": \"b\"}"_s, QString());
    row("equals inside value", u"a=b=c"_s, u"{\"a\": \"b=c\"}"_s, QString());
    row("escaped comma", u"a=b\\,c"_s, u"{\"a\": \"b,c\"}"_s, QString());
    row("single quoted comma", u"a='b,c'"_s, u"{\"a\": \"b,c\"}"_s, QString());
    row("double quoted", u"a=\"b,c=d\""_s, u"{\"a\": \"b,c=d\"}"_s, QString());
    row("escaped quote in single", u"a='it\\'s'"_s, u"{\"a\": \"it's\"}"_s, QString());
    row("escaped quote in double", u"a=\"say \\\"hi\\\"\""_s, u"{\"a\": \"say \\\"hi\\\"\"}"_s, QString());
    row("escaped backslash", u"a='x\\\\y'"_s, u"{\"a\": \"x\\\\y\"}"_s, QString());
    row("explicit list", u"a=[b,c]"_s, u"{\"a\": [\"b\", \"c\"]}"_s, QString());
    row("explicit list spaces", u"a=[ b , c ]"_s, u"{\"a\": [\"b\", \"c\"]}"_s, QString());
    row("empty list", u"a=[]"_s, u"{\"a\": []}"_s, QString());
    row("nested list", u"a=[[b,c],[d]]"_s, u"{\"a\": [[\"b\", \"c\"], [\"d\"]]}"_s, QString());
    row("hash literal", u"a={b=c,d=e}"_s, u"{\"a\": {\"b\": \"c\", \"d\": \"e\"}}"_s, QString());
    row("nested hash", u"a={b={c=d}},e=f"_s, u"{\"a\": {\"b\": {\"c\": \"d\"}}, \"e\": \"f\"}"_s, QString());
    row("list of hashes", u"a=[{b=c},{b=d}]"_s, u"{\"a\": [{\"b\": \"c\"}, {\"b\": \"d\"}]}"_s, QString());
    row("empty value", u"a="_s, u"{\"a\": \"\"}"_s, QString());
    row("empty value then key", u"a=,b=c"_s, u"{\"a\": \"\", \"b\": \"c\"}"_s, QString());
    row("unicode", u"name=Grüße,city=東京"_s, u"{\"name\": \"Grüße\", \"city\": \"東京\"}"_s, QString());
    row("emoji value", u"a=x😀y"_s, QString(), u"Expected: ',', received: '😀' for input:\n"_s);
    row("key chars", u"a.b-c_d#e/f:g=1"_s, u"{\"a.b-c_d#e/f:g\": \"1\"}"_s, QString());
    row("quoted list items", u"a=['x,y',\"z\"]"_s, u"{\"a\": [\"x,y\", \"z\"]}"_s, QString());
    row("csv with quoted", u"a=b,'c,d'"_s, u"{\"a\": [\"b\", \"c,d\"]}"_s, QString());
    row("bracket inside value", u"a=b[c]"_s, QString(), u"Expected: ',', received: ']' for input:\n"_s);
    row("brace inside value", u"a=b{c}"_s, QString(), u"Expected: ',', received: '}' for input:\n"_s);
    row("newline in value", u"a=b\nc"_s, u"{\"a\": \"b\\nc\"}"_s, QString());
    row("missing equals", u"foo"_s, QString(), u"Expected: '=', received: 'EOF' for input:\n"_s);
    row("double equals", u"a==b"_s, QString(), u"Expected: ',', received: '=' for input:\n"_s);
    row("duplicate key", u"a=b,a=c"_s, QString(),
        u"Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\nThis is often because there is a preceding \",\" instead of a space."_s);
    row("duplicate after list", u"a=b,c,b=1,b=2"_s, QString(),
        u"Second instance of key \"b\" encountered for input:\na=b,c,b=1,b=2\n          ^\nThis is often because there is a preceding \",\" instead of a space."_s);
    row("unclosed list", u"a=[b,c"_s, QString(), u"Expected: ',', received: 'EOF' for input:\n"_s);
    row("unclosed hash", u"a={b=c"_s, QString(), u"Expected: ',', received: 'EOF' for input:\n"_s);
    row("unclosed quote", u"a='b"_s, QString(),
        u"Expected: '<singled quoted>', received: '<none>' for input:\n"_s);
    row("trailing comma", u"a=b,"_s, QString(), u"Expected: '<second>', received: '<none>' for input:\n"_s);
    row("empty", u""_s, QString(), u"Expected: '=', received: 'EOF' for input:\n"_s);
    row("list then garbage", u"a=[b]c"_s, QString(), u"Expected: ',', received: 'c' for input:\n"_s);
    row("hash missing equals", u"a={b}"_s, QString(), u"Expected: '=', received: '}' for input:\n"_s);
    row("comma only value", u"a=,"_s, QString(), u"Expected: '<second>', received: '<none>' for input:\n"_s);
    row("newline error location", u"a=b,\nc==d"_s, QString(), u"Expected: ',', received: '=' for input:\n"_s);
    return rows;
}

QJsonValue json(const QString &text)
{
    QString error;
    return ShorthandParser::parseJson(text, &error).value_or(QJsonValue(QJsonValue::Undefined));
}

} // namespace

class TestShorthandParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntax_data();
    void syntax();
    void errorLocation_data();
    void errorLocation();
    void sameAsAwsCli();
    void paramFileValue();
    void model_data();
    void model();
    void supportsShorthand_data();
    void supportsShorthand();
    void pythonNumbers_data();
    void pythonNumbers();
};

void TestShorthandParser::syntax_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");
    for (const Row &row : syntaxRows())
        QTest::newRow(row.name) << row.input << row.json << row.error;
}

void TestShorthandParser::syntax()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    ShorthandParser::Error problem;
    const std::optional<QJsonObject> parsed = ShorthandParser::parse(input, &problem);
    if (error.isEmpty()) {
        QVERIFY2(parsed, qPrintable(problem.message));
        QCOMPARE(QJsonValue(*parsed), json(expected));
    } else {
        QVERIFY(!parsed);
        QVERIFY2(problem.message.startsWith(error), qPrintable(problem.message));
        QVERIFY(problem.parameterError);
    }
}

// The whole message, with the caret under the character that failed.
void TestShorthandParser::errorLocation_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("double equals") << u"a==b"_s << u"Expected: ',', received: '=' for input:\na==b\n  ^"_s;
    QTest::newRow("missing equals") << u"foo"_s << u"Expected: '=', received: 'EOF' for input:\nfoo\n   ^"_s;
    QTest::newRow("after a newline") << u"a=b,\nc==d"_s
                                     << u"Expected: ',', received: '=' for input:\na=b,\nc==d\n  ^"_s;
    QTest::newRow("before a newline")
        << u"a==b\nc=d"_s << u"Expected: ',', received: '=' for input:\na==b\n  ^\nc=d"_s;
    QTest::newRow("counted in characters")
        << u"k=é😀"_s << u"Expected: ',', received: '😀' for input:\nk=é😀\n   ^"_s;
    QTest::newRow("duplicate") << u"a=b,a=c"_s
                               << u"Second instance of key \"a\" encountered for input:\na=b,a=c\n    "
                                  u"^\nThis is often because there is "
                                  u"a preceding \",\" instead of a space."_s;
}

void TestShorthandParser::errorLocation()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    ShorthandParser::Error problem;
    QVERIFY(!ShorthandParser::parse(input, &problem));
    QCOMPARE(problem.message, message);
}

// The same rows through awscli's own parser: the same objects, and errors
// that start alike (awscli 1.45.11 prints "{self._error_location()}" where
// the location belongs, so only the part before it is compared).
void TestShorthandParser::sameAsAwsCli()
{
    const QString python = testsupport::findPython3();
    if (python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 with awscli (pip install awscli)");
    QJsonArray inputs;
    for (const Row &row : syntaxRows())
        inputs.append(row.input);
    const QString script = uR"(
import json, sys
try:
    from awscli.shorthand import ShorthandParser, ShorthandParseError
except ImportError:
    sys.exit(3)
out = []
for text in json.loads(sys.stdin.read()):
    try:
        out.append({"value": ShorthandParser().parse(text)})
    except ShorthandParseError as e:
        out.append({"error": str(e)})
print(json.dumps(out))
)"_s;
    QProcess process;
    process.start(python, { u"-c"_s, script });
    QVERIFY(process.waitForStarted());
    process.write(QJsonDocument(inputs).toJson());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    if (process.exitCode() == 3)
        MGN_PEER_TOOL_MISSING("awscli for python3 (pip install awscli)");
    QCOMPARE(process.exitCode(), 0);
    const QJsonArray answers = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    const QList<Row> rows = syntaxRows();
    QCOMPARE(answers.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject answer = answers.at(i).toObject();
        ShorthandParser::Error problem;
        const std::optional<QJsonObject> parsed = ShorthandParser::parse(rows.at(i).input, &problem);
        if (answer.contains("value"_L1)) {
            QVERIFY2(parsed, rows.at(i).name);
            QVERIFY2(QJsonValue(*parsed) == answer.value("value"_L1), rows.at(i).name);
        } else {
            QVERIFY2(!parsed, rows.at(i).name);
            const QString theirs = answer.value("error"_L1).toString();
            const QString common = theirs.section(u"{self."_s, 0, 0);
            QVERIFY2(problem.message.startsWith(common), qPrintable(problem.message + u" / "_s + theirs));
        }
    }
}

// key@=file://path reads the value from the file.
void TestShorthandParser::paramFileValue()
{
    const QString path
        = QDir::temp().filePath(u"mgn-shorthand-%1.txt"_s.arg(QCoreApplication::applicationPid()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("from, a file\r\n");
    file.close();
    ShorthandParser::Error problem;
    const auto parsed = ShorthandParser::parse(u"a@=file://"_s + path + u",b=file://x"_s, &problem);
    QVERIFY2(parsed, qPrintable(problem.message));
    QCOMPARE(parsed->value("a"_L1).toString(), u"from, a file\n"_s);
    QCOMPARE(parsed->value("b"_L1).toString(), u"file://x"_s);
    QFile::remove(path);
    QVERIFY(!ShorthandParser::parse(u"a@=file://"_s + path, &problem));
    QCOMPARE(problem.message,
        u"Unable to load paramfile file://%1: [Errno 2] No such file or directory: '%1'"_s.arg(path));
    QVERIFY(!problem.parameterError);
}

// An option's value read with the model, as awscli's argprocess does.
void TestShorthandParser::model_data()
{
    QTest::addColumn<QString>("shapeName");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("isList");
    QTest::addColumn<QString>("expected"); // JSON, or empty
    QTest::addColumn<QString>("error");

    const QString filters = u"DescribeSourceServersRequestFilters"_s;
    QTest::newRow("boolean and list of one")
        << filters << QStringList { u"isArchived=true,sourceServerIDs=s-1"_s } << false
        << u"{\"isArchived\":true,\"sourceServerIDs\":[\"s-1\"]}"_s << QString();
    QTest::newRow("boolean other than true/false kept")
        << filters << QStringList { u"isArchived=maybe"_s } << false << u"{\"isArchived\":\"maybe\"}"_s
        << QString();
    QTest::newRow("boolean any case") << filters << QStringList { u"isArchived=FALSE"_s } << false
                                      << u"{\"isArchived\":false}"_s << QString();
    QTest::newRow("csv list") << filters << QStringList { u"lifeCycleStates=READY_FOR_TEST,TESTING"_s }
                              << false << u"{\"lifeCycleStates\":[\"READY_FOR_TEST\",\"TESTING\"]}"_s
                              << QString();
    QTest::newRow("JSON") << filters << QStringList { u" {\"isArchived\": false}"_s } << false
                          << u"{\"isArchived\":false}"_s << QString();
    QTest::newRow("bad JSON") << filters << QStringList { u"{oops"_s } << false << QString()
                              << u"Error parsing parameter '--x': Invalid JSON: "_s;
    QTest::newRow("shorthand error") << filters << QStringList { u"a==b"_s } << false << QString()
                                     << u"Error parsing parameter '--x': Expected: ',', received: '='"_s;
    QTest::newRow("integer") << u"SsmDocument"_s
                             << QStringList { u"timeoutSeconds=30,mustSucceedForCutover=true"_s } << false
                             << u"{\"timeoutSeconds\":30,\"mustSucceedForCutover\":true}"_s << QString();
    QTest::newRow("integer that is not")
        << u"SsmDocument"_s << QStringList { u"timeoutSeconds=abc"_s } << false << QString()
        << u"invalid literal for int() with base 10: 'abc'"_s;
    QTest::newRow("map") << u"TagsMap"_s << QStringList { u"Wave=7,Team=Blue Team"_s } << false
                         << u"{\"Wave\":\"7\",\"Team\":\"Blue Team\"}"_s << QString();
    QTest::newRow("list of structures, one word each")
        << u"SsmDocuments"_s
        << QStringList { u"actionName=a,ssmDocumentName=d"_s, u"actionName=b,timeoutSeconds=5"_s } << true
        << u"[{\"actionName\":\"a\",\"ssmDocumentName\":\"d\"},{\"actionName\":\"b\",\"timeoutSeconds\":5}]"_s
        << QString();
    QTest::newRow("list of structures as JSON")
        << u"SsmDocuments"_s << QStringList { u"[{\"actionName\":\"a\"}]"_s } << true
        << u"[{\"actionName\":\"a\"}]"_s << QString();
    QTest::newRow("list of structures, JSON per word")
        << u"SsmDocuments"_s << QStringList { u"{\"actionName\":\"a\"}"_s, u"{\"actionName\":\"b\"}"_s }
        << true << u"[{\"actionName\":\"a\"},{\"actionName\":\"b\"}]"_s << QString();
    QTest::newRow("list of structures, JSON then not")
        << u"SsmDocuments"_s << QStringList { u"{\"actionName\":\"a\"}"_s, u"actionName=b"_s } << true
        << QString() << u"Error parsing parameter '--x': Invalid JSON:\nactionName=b"_s;
    QTest::newRow("list of strings") << u"StartTestRequestSourceServerIDs"_s
                                     << QStringList { u"s-1"_s, u"s-2"_s } << true << u"[\"s-1\",\"s-2\"]"_s
                                     << QString();
    QTest::newRow("list of strings as JSON")
        << u"StartTestRequestSourceServerIDs"_s << QStringList { u"[\"s-1\"]"_s } << true << u"[\"s-1\"]"_s
        << QString();
    QTest::newRow("list of strings, none")
        << u"StartTestRequestSourceServerIDs"_s << QStringList {} << true << u"[]"_s << QString();
    QTest::newRow("structure not JSON")
        << u"ChangeServerLifeCycleStateSourceServerLifecycle"_s << QStringList { u"{state"_s } << false
        << QString() << u"Error parsing parameter '--x': Invalid JSON: "_s;
}

void TestShorthandParser::model()
{
    QFETCH(QString, shapeName);
    QFETCH(QStringList, words);
    QFETCH(bool, isList);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    const api::Shape *found = api::ApiModel::mgn().shape(shapeName);
    QVERIFY2(found, qPrintable(shapeName));
    ShorthandParser::Error problem;
    const std::optional<QJsonValue> value
        = ShorthandParser::argumentValue(*found, words, isList, u"--x"_s, &problem);
    if (error.isEmpty()) {
        QVERIFY2(value, qPrintable(problem.message));
        QCOMPARE(*value, json(expected));
    } else {
        QVERIFY(!value);
        QVERIFY2(problem.message.startsWith(error), qPrintable(problem.message));
    }
}

void TestShorthandParser::supportsShorthand_data()
{
    QTest::addColumn<QString>("shapeName");
    QTest::addColumn<bool>("supports");
    QTest::newRow("structure") << u"DescribeSourceServersRequestFilters"_s << true;
    QTest::newRow("map of strings") << u"TagsMap"_s << true;
    QTest::newRow("list of structures") << u"SsmDocuments"_s << true;
    QTest::newRow("list of strings") << u"StartTestRequestSourceServerIDs"_s << false;
    QTest::newRow("string") << u"SourceServerID"_s << false;
}

void TestShorthandParser::supportsShorthand()
{
    QFETCH(QString, shapeName);
    QFETCH(bool, supports);
    const api::Shape *found = api::ApiModel::mgn().shape(shapeName);
    QVERIFY2(found, qPrintable(shapeName));
    QCOMPARE(ShorthandParser::supportsShorthand(*found), supports);
}

void TestShorthandParser::pythonNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("result"); // the number, or Python's message
    QTest::newRow("plain") << u"42"_s << u"42"_s;
    QTest::newRow("spaces and sign") << u" -7\n"_s << u"-7"_s;
    QTest::newRow("underscores") << u"1_000"_s << u"1000"_s;
    QTest::newRow("double underscore") << u"1__0"_s << u"invalid literal for int() with base 10: '1__0'"_s;
    QTest::newRow("letters") << u"abc"_s << u"invalid literal for int() with base 10: 'abc'"_s;
    QTest::newRow("empty") << QString() << u"invalid literal for int() with base 10: ''"_s;
    QTest::newRow("a quote inside") << u"it's"_s << u"invalid literal for int() with base 10: \"it's\""_s;
    QTest::newRow("float") << u"1.5"_s << u"invalid literal for int() with base 10: '1.5'"_s;
}

void TestShorthandParser::pythonNumbers()
{
    QFETCH(QString, text);
    QFETCH(QString, result);
    QString error;
    const std::optional<qint64> number = ShorthandParser::pythonInt(text, &error);
    QCOMPARE(number ? QString::number(*number) : error, result);
}

QTEST_GUILESS_MAIN(TestShorthandParser)
#include "tst_shorthandparser.moc"
