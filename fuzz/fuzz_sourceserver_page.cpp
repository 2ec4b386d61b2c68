// DescribeSourceServers bodies through SourceServerCodec (see PageRoundTrip.h).
#include "PageRoundTrip.h"

#include "SourceServerCodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    checkPageRoundTrip<mgn::SourceServerCodec>(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
