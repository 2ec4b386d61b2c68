// DescribeJobs bodies through JobCodec (see PageRoundTrip.h).
#include "fuzz/PageRoundTrip.h"
#include "models/codec/JobCodec.h"

#include <cstddef>
#include <cstdint>

using namespace mgn;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    checkPageRoundTrip<mgn::JobCodec>(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
