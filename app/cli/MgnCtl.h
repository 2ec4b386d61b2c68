#pragma once

#include "app/aws/AwsError.h"
#include "app/cli/CliResponse.h"
#include "app/cli/MgnCtlOptions.h"
#include "models/domain/SourceServer.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QTextStream>

#include <memory>
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
        ParameterError = 255, // the CLI's status for a refused value or a failed validation
    };

    MgnCtl(MgnCtlOptions options, QProcessEnvironment env, QString homeDir, QTextStream &out,
        QTextStream &err, QObject *parent = nullptr);

    // Starts the command; finished() follows from the event loop.
    void start();

Q_SIGNALS:
    void finished(int exitStatus);

private:
    void run();
    void runDebugSign();
    void runDryRun();
    void runGeneric();
    void requestPage(std::shared_ptr<CliResponse> response, QJsonObject input, CliResponse::Format format);
    // ParamValidator's problems, "Parameter validation failed:" and one line
    // each with option names (`asOptions`) or member paths; false when any.
    bool validate(const api::Shape *shape, const QJsonObject &document, bool asOptions);
    QString optionPath(const QString &path) const;
    void finish(int status);
    void fail(int status, const QString &message);
    void failWith(const AwsError &error);
    void printUtf8(const QByteArray &text);

    MgnCtlOptions m_options;
    QProcessEnvironment m_env;
    QString m_homeDir;
    QTextStream &m_out;
    QTextStream &m_err;
    MgnConnection *m_connection = nullptr;
    bool m_finished = false;
};

} // namespace mgn
