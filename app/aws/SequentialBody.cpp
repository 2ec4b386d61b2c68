#include "app/aws/SequentialBody.h"

#include <cstring>

namespace mgn {

SequentialBody::SequentialBody(QByteArray data, QObject *parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

qint64 SequentialBody::bytesAvailable() const
{
    return m_data.size() - m_position + QIODevice::bytesAvailable();
}

qint64 SequentialBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min(maxSize, qint64(m_data.size()) - m_position);
    if (count <= 0)
        return m_position >= m_data.size() ? -1 : 0;
    std::memcpy(data, m_data.constData() + m_position, std::size_t(count));
    m_position += count;
    return count;
}

qint64 SequentialBody::writeData(const char *, qint64)
{
    return -1;
}

} // namespace mgn
