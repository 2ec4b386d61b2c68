#!/usr/bin/env bash
# CI's sanitizer stage, after tools/install-deps.sh: the whole test suite built
# with ASan + UBSan (the asan preset) and run with `ctest --preset asan`, then
# every libFuzzer target for a bounded time (tools/run-fuzzers.sh).
#
#   tools/ci-sanitizers.sh [seconds per fuzz target, default 30]
#
# One build serves both: the asan preset configured with MGN_BUILD_FUZZERS=ON
# (coverage instrumentation for the fuzzers, which the tests do not mind), so
# the project is compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
start=$(date +%s)
stage() {
    echo "ci-sanitizers: $1 ($(($(date +%s) - start))s since start)"
}

# clang 14 with its sanitizer and libFuzzer runtimes (libclang-rt-14-dev), lld.
packages=(clang lld libclang-rt-14-dev)
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends "${packages[@]}"; then
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "${packages[@]}"
fi

stage "configuring build-asan"
cmake --preset asan -DMGN_BUILD_FUZZERS=ON
stage "building"
cmake --build --preset asan
stage "running the test suite under ASan + UBSan"
ctest --preset asan
stage "fuzzing, ${seconds}s per target"
MGN_FUZZ_BUILD_DIR=build-asan bash tools/run-fuzzers.sh "$seconds"
stage "done"
