#pragma once

#include "app/aws/AwsError.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace mgn {

class AwsReply;

template<typename T> class Pager;

// One MgnClient operation in progress, across all its HTTP requests (a paged
// listing sends one per page). Its callback runs, then finished() is emitted,
// exactly once; the call then deletes itself (later), so keep a QPointer to
// it to abort it.
class MgnCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MgnCall)

public:
    const QString &operation() const { return m_operation; }
    bool isFinished() const { return m_finished; }
    // Set when the operation failed (also after abort()).
    const std::optional<AwsError> &error() const { return m_error; }
    bool isAbortRequested() const { return m_abortRequested; }

    // Stops the request in flight and finishes with a Cancelled error; a
    // paged listing stops before the next page. Nothing once finished.
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class MgnClient;
    template<typename T> friend class Pager;

    MgnCall(const QString &operation, QObject *parent);
    // The request in flight, for abort().
    void track(AwsReply *reply);
    void finish(const std::optional<AwsError> &error);

    QString m_operation;
    QPointer<AwsReply> m_reply;
    std::optional<AwsError> m_error;
    bool m_finished = false;
    bool m_abortRequested = false;
};

} // namespace mgn
