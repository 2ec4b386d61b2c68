#pragma once

#include <QByteArray>
#include <QIODevice>

namespace mgn {

// A request body Qt cannot rewind. Qt's HTTP layer sends a request again on
// its own when the connection closes before the answer starts (up to twice),
// rewinding the body to do so; with this body it cannot, and reports
// ContentReSendError instead. The transport uses it for the requests that are
// not idempotent, so that the service never receives one twice behind its back.
class SequentialBody final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequentialBody)

public:
    explicit SequentialBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace mgn
