// DescribeJobs bodies through JobCodec (see PageRoundTrip.h).
#include "PageRoundTrip.h"

#include "JobCodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    checkPageRoundTrip<mgn::JobCodec>(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
