#include "app/cli/CliNames.h"
#include "models/api/ApiModel.h"
#include "models/api/ShapeSample.h"
#include "tests/support/PeerTool.h"
#include "tests/support/ProgramRun.h"
#include "tests/support/TestHttpServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

// One program run against a server of its own.
struct Run final {
    QString command;
    QString output; // json, text, table
    bool awsCli = false;
    std::unique_ptr<TestHttpServer> server;
    std::unique_ptr<QProcess> process;
    QByteArray out;
    QByteArray err;
    int exitCode = -1;
};

// The commands whose text and table output are compared too: a listing, a
// paginated listing with nested members, a structure with lists, a job.
const QStringList formatted
    = { u"describe-source-servers"_s, u"list-applications"_s, u"get-launch-configuration"_s, u"start-test"_s,
          u"describe-job-log-items"_s, u"list-tags-for-resource"_s };

} // namespace

// THE acceptance test of mgnctl's commands: for each of the model's 95
// operations, a loopback server answers with a document the model says is
// valid, and `mgnctl <command> --cli-input-json <a valid input>` prints exactly
// what `aws mgn <command>` (AWS CLI v1) prints for the same answer and
// arguments: JSON for all of them, text and table for a few.
class TestMgnCtlParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCommandLikeTheAwsCli();
};

void TestMgnCtlParity::everyCommandLikeTheAwsCli()
{
    QString python = testsupport::findPython3();
    if (python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 with awscli (pip install awscli)");
    {
        // The interpreter itself, not a launcher script in front of it (pyenv's
        // shims cost a second per run).
        QProcess probe;
        probe.start(python, { u"-c"_s, u"import sys, awscli.clidriver; print(sys.executable)"_s });
        if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
            MGN_PEER_TOOL_MISSING("awscli for python3 (pip install awscli)");
        python = QString::fromLocal8Bit(probe.readAllStandardOutput().trimmed());
    }
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment extra;
    extra.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDEXAMPLE"_s);
    extra.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"not-a-secret-key"_s);
    extra.insert(u"AWS_DEFAULT_REGION"_s, u"us-east-1"_s);
    extra.insert(u"AWS_CONFIG_FILE"_s, home.filePath(u"config"_s));
    extra.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, home.filePath(u"credentials"_s));
    extra.insert(u"COLUMNS"_s, u"80"_s);
    const QProcessEnvironment env = ProgramRun::environment(home.path(), extra);

    std::vector<std::unique_ptr<Run>> runs;
    QJsonArray awsArguments; // the AWS CLI's runs, in the order of `runs`
    int seed = 0;
    for (const api::Operation &operation : api::ApiModel::mgn().operations()) {
        const QString command = CliNames::xform(operation.name);
        ++seed;
        // The answer: with the output token on the first page only, so that
        // paginated commands end after the second.
        const QJsonObject answer = api::ShapeSample::output(operation, seed);
        QJsonObject last = answer;
        if (operation.paginator)
            last.remove(operation.paginator->outputToken);
        const QByteArray first = QJsonDocument(answer).toJson(QJsonDocument::Compact);
        const QByteArray later = QJsonDocument(last).toJson(QJsonDocument::Compact);
        const QString input = QString::fromUtf8(
            QJsonDocument(api::ShapeSample::input(operation, seed)).toJson(QJsonDocument::Compact));
        QStringList outputs { u"json"_s };
        if (formatted.contains(command))
            outputs << u"text"_s << u"table"_s;
        for (const QString &output : outputs) {
            for (const bool awsCli : { true, false }) {
                auto run = std::make_unique<Run>();
                run->command = command;
                run->output = output;
                run->awsCli = awsCli;
                run->server = std::make_unique<TestHttpServer>();
                QVERIFY(run->server->listen());
                auto served = std::make_shared<int>(0);
                const int status = operation.responseCode;
                run->server->setHandler([served, first, later, status](const TestHttpServer::Request &) {
                    // A 204 has no body (RFC 9110, 15.3.5).
                    return TestHttpServer::Response::json(status,
                        status == 204          ? QByteArray()
                            : (*served)++ == 0 ? first
                                               : later);
                });
                QStringList arguments { command, u"--cli-input-json"_s, input, u"--endpoint-url"_s,
                    run->server->url().toString(), u"--output"_s, output };
                if (awsCli) {
                    awsArguments.append(QJsonArray::fromStringList(QStringList { u"mgn"_s } + arguments));
                } else {
                    run->process = std::make_unique<QProcess>();
                    run->process->setProcessEnvironment(env);
                    run->process->setProgram(QStringLiteral(MGN_MGNCTL_EXECUTABLE));
                    run->process->setArguments(arguments);
                }
                runs.push_back(std::move(run));
            }
        }
    }

    // The AWS CLI: its runs in two interpreters (tests/interop/awscli_mgn_oracle.py
    // --send), which pay for its start once each instead of once per command.
    const qsizetype half = awsArguments.size() / 2;
    QProcess interpreters[2];
    for (int p = 0; p < 2; ++p) {
        interpreters[p].setProcessEnvironment(env);
        interpreters[p].start(
            python, { QStringLiteral(MGN_TEST_DATA_DIR "/../interop/awscli_mgn_oracle.py"), u"--send"_s });
        QVERIFY(interpreters[p].waitForStarted());
        QJsonArray part;
        for (qsizetype i = p == 0 ? 0 : half; i < (p == 0 ? half : awsArguments.size()); ++i)
            part.append(awsArguments.at(i));
        interpreters[p].write(QJsonDocument(part).toJson(QJsonDocument::Compact));
        interpreters[p].closeWriteChannel();
    }

    // mgnctl: a few at a time, while this thread's event loop serves the requests.
    // The AWS CLI spends most of its second or more starting, not computing.
    const int parallel = qMax(8, QThread::idealThreadCount() * 4);
    std::size_t next = 0;
    std::size_t done = 0;
    std::vector<Run *> running;
    QElapsedTimer timer;
    timer.start();
    const std::size_t mgnctlRuns = runs.size() / 2;
    while (done < mgnctlRuns || interpreters[0].state() != QProcess::NotRunning
        || interpreters[1].state() != QProcess::NotRunning) {
        while (running.size() < std::size_t(parallel) && next < runs.size()) {
            if (runs[next]->process) {
                runs[next]->process->start();
                running.push_back(runs[next].get());
            }
            ++next;
        }
        QTest::qWait(20);
        for (auto it = running.begin(); it != running.end();) {
            Run *run = *it;
            if (run->process->state() != QProcess::NotRunning) {
                ++it;
                continue;
            }
            run->out = run->process->readAllStandardOutput();
            run->err = run->process->readAllStandardError();
            run->exitCode
                = run->process->exitStatus() == QProcess::NormalExit ? run->process->exitCode() : -1;
            ++done;
            it = running.erase(it);
        }
        if (timer.elapsed() > 240000) {
            QStringList stuck { u"the AWS CLI's interpreters"_s };
            for (const Run *run : running)
                stuck.append(u"%1 %2 (%3 requests)"_s.arg(run->awsCli ? u"aws"_s : u"mgnctl"_s, run->command)
                                 .arg(run->server->requestCount()));
            QFAIL(qPrintable(u"these runs did not end in time: "_s + stuck.join(u", "_s)));
        }
    }

    QJsonArray awsResults;
    for (QProcess &interpreter : interpreters) {
        QVERIFY2(interpreter.exitCode() == 0, interpreter.readAllStandardError().constData());
        for (const QJsonValue &result : QJsonDocument::fromJson(interpreter.readAllStandardOutput()).array())
            awsResults.append(result);
    }
    QCOMPARE(awsResults.size(), awsArguments.size());
    for (std::size_t i = 0; i < runs.size(); i += 2) {
        const QJsonObject result = awsResults.at(qsizetype(i / 2)).toObject();
        runs[i]->out = result.value("stdout"_L1).toString().toUtf8();
        runs[i]->err = result.value("stderr"_L1).toString().toUtf8();
        runs[i]->exitCode = result.value("rc"_L1).toInt(-1);
    }

    int compared = 0;
    for (std::size_t i = 0; i < runs.size(); i += 2) {
        const Run &aws = *runs[i];
        const Run &ours = *runs[i + 1];
        const QByteArray name = (ours.command + u" --output "_s + ours.output).toUtf8();
        QVERIFY2(aws.exitCode == 0, QByteArray(name + " (aws): " + aws.err).constData());
        QVERIFY2(ours.exitCode == 0, QByteArray(name + " (mgnctl): " + ours.err).constData());
        QVERIFY2(ours.err.isEmpty(), QByteArray(name + ": " + ours.err).constData());
        if (ours.out != aws.out) {
            QFAIL(QByteArray(name + "\n--- aws\n" + aws.out + "\n--- mgnctl\n" + ours.out).constData());
        }
        QCOMPARE(ours.server->requestCount(), aws.server->requestCount());
        ++compared;
    }
    QCOMPARE(compared, 95 + 2 * int(formatted.size()));
}

QTEST_GUILESS_MAIN(TestMgnCtlParity)
#include "tst_mgnctlparity.moc"
