#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ and runs each for a bounded time on its
# seed corpus (fuzz/corpus/<target>), with its dictionary when it has one.
# Fails when any target crashes, leaks, trips a sanitizer or breaks one of its
# invariants; the input that did it is kept in <build>/fuzz-work/<target>/.
#
#   tools/run-fuzzers.sh [seconds per target, default 60]
#
# Environment:
#   MGN_FUZZ_BUILD_DIR  build tree (default build-fuzz, configured with the fuzz
#                       preset when it does not exist; any tree configured with
#                       -DMGN_BUILD_FUZZERS=ON will do, e.g. the CI's build-asan)
#   MGN_FUZZ_JOBS       targets run at once (default: the number of cores)
#   MGN_FUZZ_TARGETS    a space-separated subset of the targets
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
build="${MGN_FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${MGN_FUZZ_JOBS:-$(nproc)}"
targets="${MGN_FUZZ_TARGETS:-$(ls fuzz/corpus | grep '^fuzz_' | tr '\n' ' ')}"

if [ ! -f "$build/CMakeCache.txt" ]; then
    if [ "$build" = build-fuzz ]; then
        cmake --preset fuzz
    else
        echo "run-fuzzers: $build is not configured (use -DMGN_BUILD_FUZZERS=ON)" >&2
        exit 2
    fi
fi
nice -n 10 cmake --build "$build" --target fuzzers

dictionary_of() {
    case "$1" in
        fuzz_sourceserver_page | fuzz_job_page | fuzz_json_tape) echo fuzz/dict/json.dict ;;
        fuzz_http_request_parser | fuzz_sigv4_canonical | fuzz_sigv4_roundtrip) echo fuzz/dict/http.dict ;;
        fuzz_aws_ini) echo fuzz/dict/ini.dict ;;
        fuzz_iso8601) echo fuzz/dict/iso8601.dict ;;
    esac
}

# Leaks are findings; halt at the first report of any sanitizer.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_target() {
    local target="$1"
    local work="$build/fuzz-work/$target"
    rm -rf "$work" && mkdir -p "$work/corpus"
    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384
        -print_final_stats=1 -artifact_prefix="$work/")
    local dict
    dict="$(dictionary_of "$target")"
    if [ -n "$dict" ]; then
        options+=(-dict="$dict")
    fi
    # New inputs go to the work corpus; the committed seeds are only read.
    "$build/fuzz/$target" "${options[@]}" "$work/corpus" "fuzz/corpus/$target" > "$work/log.txt" 2>&1
}

declare -A pids=()
failed=0
total=0
finish() {
    local target="$1"
    local log="$build/fuzz-work/$target/log.txt"
    if wait "${pids[$target]}"; then
        local runs
        runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
        total=$((total + ${runs:-0}))
        echo "run-fuzzers: $target: ${runs:-0} runs, no finding"
    else
        failed=1
        echo "run-fuzzers: $target FAILED; its log ends:"
        tail -n 60 "$log"
        ls "$build/fuzz-work/$target" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' \
            | sed "s|^|run-fuzzers: input kept: $build/fuzz-work/$target/|" || true
    fi
    unset "pids[$target]"
}

running=()
for target in $targets; do
    run_target "$target" &
    pids[$target]=$!
    running+=("$target")
    if [ "${#running[@]}" -ge "$jobs" ]; then
        finish "${running[0]}"
        running=("${running[@]:1}")
    fi
done
for target in "${running[@]}"; do
    finish "$target"
done

echo "run-fuzzers: $total runs in all, ${seconds}s per target"
if [ "$failed" -ne 0 ]; then
    echo "run-fuzzers: a fuzz target failed" >&2
    exit 1
fi
