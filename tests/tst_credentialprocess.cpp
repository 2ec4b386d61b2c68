#include "app/aws/CredentialProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

// credential_process: real child processes (small sh scripts) answering as
// the AWS CLI's credential_process protocol says, and misbehaving.
class TestCredentialProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseOutput_data();
    void parseOutput();
    void runs_data();
    void runs();
    void timeout();
    void argumentsWithSpaces();
    void splitCommandLine_data();
    void splitCommandLine();

private:
    QString script(const QString &name, const QByteArray &body);
    CredentialProcess::Result runAndWait(const QString &command, int timeoutMs = 10000);

    QTemporaryDir m_dir;
};

void TestCredentialProcess::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCredentialProcess::script(const QString &name, const QByteArray &body)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

CredentialProcess::Result TestCredentialProcess::runAndWait(const QString &command, int timeoutMs)
{
    CredentialProcess process;
    process.setTimeout(timeoutMs);
    std::optional<CredentialProcess::Result> result;
    int calls = 0;
    process.run(command, [&](const CredentialProcess::Result &r) {
        result = r;
        ++calls;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return { std::nullopt, QStringLiteral("test: no answer") };
    QTest::qWait(50);
    if (calls != 1)
        return { std::nullopt, QStringLiteral("test: callback called %1 times").arg(calls) };
    return *result;
}

void TestCredentialProcess::parseOutput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expiration");

    QTest::newRow("long-term") << QByteArray(R"({"Version":1,"AccessKeyId":"AKIDP","SecretAccessKey":"sp"})")
                               << QString() << QStringLiteral("AKIDP") << QString() << QString();
    QTest::newRow("temporary") << QByteArray(R"({"Version":1,"AccessKeyId":"ASIAP","SecretAccessKey":"sp",
        "SessionToken":"tok","Expiration":"2026-11-23T12:00:00Z"})")
                               << QString() << QStringLiteral("ASIAP") << QStringLiteral("tok")
                               << QStringLiteral("2026-11-23T12:00:00Z");
    QTest::newRow("offset expiration")
        << QByteArray(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s",
        "Expiration":"2026-11-23T14:00:00+02:00"})")
        << QString() << QStringLiteral("A") << QString() << QStringLiteral("2026-11-23T12:00:00Z");
    QTest::newRow("not json") << QByteArray("oops") << QStringLiteral("no JSON object") << QString()
                              << QString() << QString();
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("no JSON object") << QString() << QString()
                           << QString();
    QTest::newRow("version 2") << QByteArray(R"({"Version":2,"AccessKeyId":"A","SecretAccessKey":"s"})")
                               << QStringLiteral("Version") << QString() << QString() << QString();
    QTest::newRow("version string") << QByteArray(
        R"({"Version":"1","AccessKeyId":"A","SecretAccessKey":"s"})")
                                    << QStringLiteral("Version") << QString() << QString() << QString();
    QTest::newRow("no key id") << QByteArray(R"({"Version":1,"SecretAccessKey":"s"})")
                               << QStringLiteral("AccessKeyId") << QString() << QString() << QString();
    QTest::newRow("no secret") << QByteArray(R"({"Version":1,"AccessKeyId":"A"})")
                               << QStringLiteral("SecretAccessKey") << QString() << QString() << QString();
    QTest::newRow("bad expiration") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s","Expiration":"soon"})")
                                    << QStringLiteral("Expiration \"soon\"") << QString() << QString()
                                    << QString();
    QTest::newRow("expiration without offset")
        << QByteArray(
               R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s","Expiration":"2026-11-23T12:00:00"})")
        << QStringLiteral("Expiration") << QString() << QString() << QString();
}

void TestCredentialProcess::parseOutput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QFETCH(QString, keyId);
    QFETCH(QString, token);
    QFETCH(QString, expiration);

    const auto result = CredentialProcess::parseOutput(json);
    if (!error.isEmpty()) {
        QVERIFY(!result.credentials);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        return;
    }
    QVERIFY2(result.credentials, qPrintable(result.error));
    QCOMPARE(result.credentials->accessKeyId, keyId);
    QCOMPARE(result.credentials->secretAccessKey,
        QJsonDocument::fromJson(json).object().value(u"SecretAccessKey").toString());
    QVERIFY(!result.credentials->secretAccessKey.isEmpty());
    QCOMPARE(result.credentials->sessionToken.value_or(QString()), token);
    QCOMPARE(
        result.credentials->expiration ? result.credentials->expiration->toString(Qt::ISODate) : QString(),
        expiration);
}

void TestCredentialProcess::runs_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("answers") << QByteArray(
        R"(echo '{"Version":1,"AccessKeyId":"AKIDRUN","SecretAccessKey":"run"}')")
                             << QString();
    QTest::newRow("fails") << QByteArray("echo 'token expired, run aws sso login' >&2\nexit 3\n")
                           << QStringLiteral("exited with status 3: token expired, run aws sso login");
    QTest::newRow("garbage") << QByteArray("echo hello\n") << QStringLiteral("no JSON object");
    QTest::newRow("killed") << QByteArray("kill -9 $$\n") << QStringLiteral("crashed");
}

void TestCredentialProcess::runs()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const QString path = script(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'), body);
    const auto result = runAndWait(path);
    if (error.isEmpty()) {
        QVERIFY2(result.credentials, qPrintable(result.error));
        QCOMPARE(result.credentials->accessKeyId, QStringLiteral("AKIDRUN"));
        QCOMPARE(result.credentials->secretAccessKey, QStringLiteral("run"));
    } else {
        QVERIFY(!result.credentials);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    }
}

void TestCredentialProcess::timeout()
{
    const QString path = script(QStringLiteral("slow"), "sleep 30\n");
    QElapsedTimer timer;
    timer.start();
    const auto result = runAndWait(path, 300);
    QVERIFY(!result.credentials);
    QVERIFY2(result.error.contains(QStringLiteral("did not answer")), qPrintable(result.error));
    QVERIFY(timer.elapsed() < 10000);

    const auto missing = runAndWait(m_dir.filePath(QStringLiteral("does-not-exist")));
    QVERIFY(!missing.credentials);
    QVERIFY2(missing.error.contains(QStringLiteral("could not be started")), qPrintable(missing.error));
    const auto empty = runAndWait(QStringLiteral("   "));
    QVERIFY2(empty.error.contains(QStringLiteral("empty")), qPrintable(empty.error));
}

void TestCredentialProcess::argumentsWithSpaces()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("with space"));
    const QString path = script(QStringLiteral("with space/creds"),
        R"(printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"%s"}' "$1" "$2")");
    const auto result = runAndWait(u'"' + path + QStringLiteral("\" 'AKID ONE' two"));
    QVERIFY2(result.credentials, qPrintable(result.error));
    QCOMPARE(result.credentials->accessKeyId, QStringLiteral("AKID ONE"));
    QCOMPARE(result.credentials->secretAccessKey, QStringLiteral("two"));
}

void TestCredentialProcess::splitCommandLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("/bin/get creds  --x")
                           << QStringList { QStringLiteral("/bin/get"), QStringLiteral("creds"),
                                  QStringLiteral("--x") }
                           << true;
    QTest::newRow("single quotes") << QStringLiteral("a 'b c' 'd\\e'")
                                   << QStringList { QStringLiteral("a"), QStringLiteral("b c"),
                                          QStringLiteral("d\\e") }
                                   << true;
    QTest::newRow("double quotes") << QStringLiteral("a \"b \\\"c\\\" \\n\"")
                                   << QStringList { QStringLiteral("a"), QStringLiteral("b \"c\" \\n") }
                                   << true;
    QTest::newRow("adjacent quotes join")
        << QStringLiteral("pre'mid'\"post\"") << QStringList { QStringLiteral("premidpost") } << true;
    QTest::newRow("backslash space") << QStringLiteral("a\\ b c")
                                     << QStringList { QStringLiteral("a b"), QStringLiteral("c") } << true;
    QTest::newRow("empty quoted word")
        << QStringLiteral("a '' b") << QStringList { QStringLiteral("a"), QString(), QStringLiteral("b") }
        << true;
    QTest::newRow("blank") << QStringLiteral("   ") << QStringList {} << true;
    QTest::newRow("unterminated single") << QStringLiteral("a 'b") << QStringList {} << false;
    QTest::newRow("unterminated double") << QStringLiteral("a \"b") << QStringList {} << false;
}

void TestCredentialProcess::splitCommandLine()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QFETCH(bool, valid);
    const auto split = CredentialProcess::splitCommandLine(line);
    QCOMPARE(split.has_value(), valid);
    if (valid)
        QCOMPARE(*split, words);
}

QTEST_GUILESS_MAIN(TestCredentialProcess)
#include "tst_credentialprocess.moc"
