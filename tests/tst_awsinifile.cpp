#include "app/aws/AwsIniFile.h"

#include <QTest>

using namespace mgn;

// ~/.aws/config and ~/.aws/credentials parsing, checked against what the AWS
// CLI (botocore + RawConfigParser) accepts and refuses.
class TestAwsIniFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sectionsAndValues();
    void commentsAndDelimiters();
    void keysAreLowercased();
    void nestedValues();
    void continuationLines();
    void crlf();
    void malformed_data();
    void malformed();
    void errorText();
};

void TestAwsIniFile::sectionsAndValues()
{
    const auto file = AwsIniFile::parse("[default]\n"
                                        "region = eu-west-1\n"
                                        "output=json\n"
                                        "\n"
                                        "[profile migration]\n"
                                        "role_arn = arn:aws:iam::123456789012:role/Migrate\n"
                                        "source_profile = default\n",
        QStringLiteral("config"));
    QVERIFY2(!file.error, qPrintable(file.error ? file.error->toString() : QString()));
    QCOMPARE(file.sections.size(), 2);
    QCOMPARE(file.sections.at(0).name, QStringLiteral("default"));
    QCOMPARE(file.sections.at(0).line, 1);
    QCOMPARE(file.sections.at(0).values.value(QStringLiteral("region")), QStringLiteral("eu-west-1"));
    QCOMPARE(file.sections.at(0).values.value(QStringLiteral("output")), QStringLiteral("json"));
    const auto *migration = file.section(QStringLiteral("profile migration"));
    QVERIFY(migration);
    QCOMPARE(migration->line, 5);
    // Only the first delimiter splits: the ARN keeps its colons.
    QCOMPARE(migration->values.value(QStringLiteral("role_arn")),
        QStringLiteral("arn:aws:iam::123456789012:role/Migrate"));
    QCOMPARE(file.section(QStringLiteral("nope")), nullptr);
}

void TestAwsIniFile::commentsAndDelimiters()
{
    const auto file = AwsIniFile::parse("# a comment\n"
                                        "; another\n"
                                        "[default]\n"
                                        "   # indented comment\n"
                                        "region: us-east-2\n"
                                        "aws_access_key_id = AKIDEXAMPLE # not a comment\n"
                                        "empty =\n",
        QStringLiteral("credentials"));
    QVERIFY(!file.error);
    const auto &values = file.sections.at(0).values;
    QCOMPARE(values.value(QStringLiteral("region")), QStringLiteral("us-east-2"));
    // RawConfigParser has no inline comments: the CLI reads the whole text.
    QCOMPARE(
        values.value(QStringLiteral("aws_access_key_id")), QStringLiteral("AKIDEXAMPLE # not a comment"));
    QVERIFY(values.contains(QStringLiteral("empty")));
    QCOMPARE(values.value(QStringLiteral("empty")), QString());
}

void TestAwsIniFile::keysAreLowercased()
{
    const auto file = AwsIniFile::parse("[Default]\nAWS_Access_Key_ID = x\n", QStringLiteral("c"));
    QVERIFY(!file.error);
    QCOMPARE(file.sections.at(0).name, QStringLiteral("Default")); // section names keep their case
    QCOMPARE(file.sections.at(0).values.value(QStringLiteral("aws_access_key_id")), QStringLiteral("x"));
}

void TestAwsIniFile::nestedValues()
{
    const auto file = AwsIniFile::parse("[services local]\n"
                                        "mgn =\n"
                                        "  endpoint_url = http://127.0.0.1:8123\n"
                                        "  # comment inside\n"
                                        "\n"
                                        "  other = 1\n"
                                        "s3 =\n"
                                        "    addressing_style = path\n"
                                        "region = us-east-1\n",
        QStringLiteral("config"));
    QVERIFY2(!file.error, qPrintable(file.error ? file.error->toString() : QString()));
    const auto &section = file.sections.at(0);
    QVERIFY(!section.values.contains(QStringLiteral("mgn")));
    QCOMPARE(section.nested.value(QStringLiteral("mgn")).value(QStringLiteral("endpoint_url")),
        QStringLiteral("http://127.0.0.1:8123"));
    QCOMPARE(section.nested.value(QStringLiteral("mgn")).value(QStringLiteral("other")), QStringLiteral("1"));
    QCOMPARE(section.nested.value(QStringLiteral("s3")).value(QStringLiteral("addressing_style")),
        QStringLiteral("path"));
    QCOMPARE(section.values.value(QStringLiteral("region")), QStringLiteral("us-east-1"));
}

void TestAwsIniFile::continuationLines()
{
    const auto file
        = AwsIniFile::parse("[default]\nnote = first\n  second\n\tthird\nregion = x\n", QStringLiteral("c"));
    QVERIFY(!file.error);
    QCOMPARE(
        file.sections.at(0).values.value(QStringLiteral("note")), QStringLiteral("first\nsecond\nthird"));
    QCOMPARE(file.sections.at(0).values.value(QStringLiteral("region")), QStringLiteral("x"));
}

void TestAwsIniFile::crlf()
{
    const auto file = AwsIniFile::parse("[default]\r\nregion = ap-south-1\r\n", QStringLiteral("c"));
    QVERIFY(!file.error);
    QCOMPARE(file.sections.at(0).values.value(QStringLiteral("region")), QStringLiteral("ap-south-1"));
}

void TestAwsIniFile::malformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("problem");

    QTest::newRow("value before any section")
        << QByteArray("region = x\n[default]\n") << 1 << QStringLiteral("outside any [section]");
    QTest::newRow("unclosed header") << QByteArray("[default]\nregion = x\n[profile dev\n") << 3
                                     << QStringLiteral("closing");
    QTest::newRow("empty header") << QByteArray("[ ]\n") << 1 << QStringLiteral("empty section name");
    QTest::newRow("no delimiter") << QByteArray("[default]\n\nregion eu-west-1\n") << 3
                                  << QStringLiteral("expected \"key = value\"");
    QTest::newRow("no key") << QByteArray("[default]\n= value\n") << 2 << QStringLiteral("without a key");
    QTest::newRow("duplicate section")
        << QByteArray("[default]\na = 1\n[default]\n") << 3 << QStringLiteral("appears twice");
    QTest::newRow("duplicate key") << QByteArray("[default]\nregion = a\nREGION = b\n") << 3
                                   << QStringLiteral("\"region\" appears twice");
    QTest::newRow("bad nested line") << QByteArray("[s]\nmgn =\n  endpoint_url = x\n  garbage\n") << 4
                                     << QStringLiteral("nested value");
    QTest::newRow("not utf-8") << QByteArray("[default]\nregion = \xff\xfe\n") << 0
                               << QStringLiteral("UTF-8");
}

void TestAwsIniFile::malformed()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, problem);

    const auto file = AwsIniFile::parse(content, QStringLiteral("/home/u/.aws/config"));
    QVERIFY(file.error.has_value());
    QCOMPARE(file.error->file, QStringLiteral("/home/u/.aws/config"));
    QCOMPARE(file.error->line, line);
    QVERIFY2(file.error->problem.contains(problem), qPrintable(file.error->problem));
}

void TestAwsIniFile::errorText()
{
    const auto file = AwsIniFile::parse("oops\n", QStringLiteral("/tmp/credentials"));
    QVERIFY(file.error);
    QCOMPARE(file.error->toString(), QStringLiteral("/tmp/credentials:1: \"oops\" is outside any [section]"));
}

QTEST_GUILESS_MAIN(TestAwsIniFile)
#include "tst_awsinifile.moc"
