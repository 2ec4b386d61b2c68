#pragma once

#include <QList>

namespace mgn {

// Decoding DescribeSourceServers pages (SourceServerCodec::decodePage) beside
// QJsonDocument::fromJson of the same bytes, the parse every decode starts with.
namespace CodecBench {
void registerBenchmarks(const QList<int> &sizes);
} // namespace CodecBench

} // namespace mgn
