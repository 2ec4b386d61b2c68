#pragma once

#include "app/aws/AwsCredentials.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

#include <functional>

namespace mgn {

// Runs a profile's credential_process asynchronously and reads the AWS CLI's
// JSON answer ({"Version": 1, "AccessKeyId", "SecretAccessKey",
// "SessionToken", "Expiration"}). The command line is split like a shell
// would (no shell runs it); a non-zero exit, a timeout or a malformed answer
// is an error that names the problem, never the secret.
class CredentialProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialProcess)

public:
    struct Result final {
        std::optional<AwsCredentials> credentials;
        QString error;
    };
    using Callback = std::function<void(const Result &)>;

    explicit CredentialProcess(QObject *parent = nullptr);
    ~CredentialProcess() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Calls `done` exactly once, from the event loop.
    void run(const QString &commandLine, Callback done);

    static Result parseOutput(const QByteArray &stdoutData);
    // Splits a command line into words as a POSIX shell would (single and
    // double quotes, backslash escapes), like botocore's shlex.split; nullopt
    // for an unterminated quote. Windows uses QProcess::splitCommand's rules.
    static std::optional<QStringList> splitCommandLine(const QString &commandLine);

private:
    void finish(const Result &result);

    QProcess m_process;
    QTimer m_timer;
    Callback m_done;
    int m_timeoutMs = 60000;
};

} // namespace mgn
