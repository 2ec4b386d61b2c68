#pragma once

namespace mgn {

// SigV4 header signing of a DescribeSourceServers request (SigV4Signer, its
// signing key cached as in the transport) beside the bare cryptography of one
// signature: SHA-256 of the body and of the canonical request, and the HMAC
// of the string to sign, on the same bytes.
namespace SigV4Bench {
void registerBenchmarks();
} // namespace SigV4Bench

} // namespace mgn
