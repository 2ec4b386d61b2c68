#include "app/aws/CredentialProcess.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mgn {

namespace {

constexpr qsizetype maxStderrInMessage = 500;

} // namespace

CredentialProcess::CredentialProcess(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_process.kill();
        finish({ std::nullopt, tr("credential_process did not answer within %1 s").arg(m_timeoutMs / 1000) });
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish({ std::nullopt,
                tr("credential_process could not be started: %1").arg(m_process.errorString()) });
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        if (status != QProcess::NormalExit) {
            finish({ std::nullopt, tr("credential_process crashed") });
            return;
        }
        if (exitCode != 0) {
            const QString err
                = QString::fromUtf8(m_process.readAllStandardError()).trimmed().left(maxStderrInMessage);
            finish(
                { std::nullopt, tr("credential_process exited with status %1: %2").arg(exitCode).arg(err) });
            return;
        }
        finish(parseOutput(m_process.readAllStandardOutput()));
    });
}

CredentialProcess::~CredentialProcess()
{
    m_done = nullptr;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void CredentialProcess::run(const QString &commandLine, Callback done)
{
    m_done = std::move(done);
    const auto words = splitCommandLine(commandLine);
    if (!words || words->isEmpty()) {
        const QString error
            = words ? tr("credential_process is empty") : tr("credential_process has an unterminated quote");
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                finish({ std::nullopt, error });
            },
            Qt::QueuedConnection);
        return;
    }
    QStringList arguments = *words;
    const QString program = arguments.takeFirst();
    m_timer.start(m_timeoutMs);
    m_process.start(program, arguments, QIODevice::ReadOnly);
}

void CredentialProcess::finish(const Result &result)
{
    m_timer.stop();
    if (auto done = std::exchange(m_done, nullptr))
        done(result);
}

CredentialProcess::Result CredentialProcess::parseOutput(const QByteArray &stdoutData)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(stdoutData, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return { std::nullopt,
            tr("credential_process printed no JSON object (%1 at offset %2)")
                .arg(parseError.errorString())
                .arg(parseError.offset) };
    }
    const auto object = document.object();
    if (object.value(u"Version").toInt(-1) != 1 || !object.value(u"Version").isDouble())
        return { std::nullopt, tr("credential_process answered an unsupported Version; supported: 1") };

    AwsCredentials credentials;
    const auto keyId = object.value(u"AccessKeyId");
    const auto secret = object.value(u"SecretAccessKey");
    if (!keyId.isString() || keyId.toString().isEmpty())
        return { std::nullopt, tr("credential_process answer lacks AccessKeyId") };
    if (!secret.isString() || secret.toString().isEmpty())
        return { std::nullopt, tr("credential_process answer lacks SecretAccessKey") };
    credentials.accessKeyId = keyId.toString();
    credentials.secretAccessKey = secret.toString();
    if (const auto token = object.value(u"SessionToken"); token.isString() && !token.toString().isEmpty())
        credentials.sessionToken = token.toString();
    if (const auto expiration = object.value(u"Expiration");
        !expiration.isUndefined() && !expiration.isNull()) {
        const auto when = QDateTime::fromString(expiration.toString(), Qt::ISODateWithMs);
        if (!expiration.isString() || !when.isValid() || when.timeSpec() == Qt::LocalTime)
            return {
                std::nullopt,
                tr("credential_process answer has an unreadable Expiration \"%1\"").arg(expiration.toString())
            };
        credentials.expiration = when.toUTC();
    }
    return { credentials, QString() };
}

std::optional<QStringList> CredentialProcess::splitCommandLine(const QString &commandLine)
{
#ifdef Q_OS_WIN
    return QProcess::splitCommand(commandLine);
#else
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < commandLine.size(); ++i) {
        const QChar c = commandLine.at(i);
        if (c == u'\'') {
            const auto end = commandLine.indexOf(u'\'', i + 1);
            if (end < 0)
                return std::nullopt;
            word += QStringView(commandLine).mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
        } else if (c == u'"') {
            inWord = true;
            for (++i;; ++i) {
                if (i >= commandLine.size())
                    return std::nullopt;
                const QChar d = commandLine.at(i);
                if (d == u'"')
                    break;
                // Inside double quotes a backslash escapes only these.
                if (d == u'\\' && i + 1 < commandLine.size()
                    && QStringView(u"\"\\$`").contains(commandLine.at(i + 1))) {
                    word += commandLine.at(++i);
                } else {
                    word += d;
                }
            }
        } else if (c == u'\\') {
            if (i + 1 < commandLine.size())
                word += commandLine.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words << std::exchange(word, QString());
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words << word;
    return words;
#endif
}

} // namespace mgn
