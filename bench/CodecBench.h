#pragma once

#include <QList>

using namespace mgn;

namespace mgn {

// Decoding DescribeSourceServers pages (SourceServerCodec::decodePage) beside
// QJsonDocument::fromJson of the same bytes, the parse every decode starts with.
class CodecBench final
{
public:
    static void registerBenchmarks(const QList<int> &sizes);
};

} // namespace mgn
