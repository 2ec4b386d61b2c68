#pragma once

#include "app/aws/AwsError.h"
#include "app/cli/MgnCtlOptions.h"
#include "models/domain/SourceServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QTextStream>

#include <optional>

namespace mgn {

class MgnConnection;

// Runs one mgnctl command: resolves the connection like the AWS CLI, calls
// MgnClient, prints the answer to `out` and errors to `err`, then emits
// finished(exit status). See MgnCtlOptions::helpText for the statuses.
class MgnCtl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MgnCtl)

public:
    enum ExitStatus {
        Success = 0,
        Refused = 1,
        UsageError = 2,
        ConfigurationError = 253,
        ServiceError = 254,
        TransportError = 255,
    };

    MgnCtl(MgnCtlOptions options, QProcessEnvironment env, QString homeDir, QTextStream &out,
        QTextStream &err, QObject *parent = nullptr);

    // Starts the command; finished() follows from the event loop.
    void start();

    // --filters / --tags: JSON, or the shorthand Key=Value,Key=Value.
    static std::optional<QJsonObject> parseStructure(const QString &text, QString *error);

Q_SIGNALS:
    void finished(int exitStatus);

private:
    void run();
    void runDebugSign();
    void runDryRun();
    void finish(int status);
    void fail(int status, const QString &message);
    void failWith(const AwsError &error);
    void printJson(const QJsonObject &object);
    void printUtf8(const QByteArray &text);
    void listAsAwsCli(const QJsonObject &filters);

    MgnCtlOptions m_options;
    QProcessEnvironment m_env;
    QString m_homeDir;
    QTextStream &m_out;
    QTextStream &m_err;
    MgnConnection *m_connection = nullptr;
    bool m_finished = false;
};

} // namespace mgn
