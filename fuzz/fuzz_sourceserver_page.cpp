// DescribeSourceServers bodies through SourceServerCodec (see PageRoundTrip.h),
// and the fast path (JsonTape) against QJsonDocument's: the same page.
#include "fuzz/PageRoundTrip.h"
#include "models/codec/SourceServerCodec.h"

#include <cstddef>
#include <cstdint>

using namespace mgn;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    checkPageRoundTrip<mgn::SourceServerCodec>(body);
    MGN_FUZZ_CHECK(mgn::SourceServerCodec::decodePage(body)
        == mgn::PageCodec::decode<mgn::SourceServer>(
            body, QLatin1StringView("sourceServerID"), &mgn::SourceServerCodec::decode));
    return 0;
}
