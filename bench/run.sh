#!/usr/bin/env bash
# Builds the benchmarks if needed, runs them and prints the table of figures
# (Markdown), each beside its reference measured in the same run.
#
#   bench/run.sh [--quick] [--build-dir DIR] [--repetitions N] [--results DIR]
#
#   --quick          1,000 servers, one repetition, a few seconds: a smoke test
#                    that the benchmarks still build and run (CI)
#   --build-dir DIR  build directory (default: build-bench at the root of the
#                    tree, or $MGN_BENCH_BUILD_DIR); a new one is configured
#                    RelWithDebInfo; MGN_BUILD_BENCH is turned on and only the
#                    benchmark targets are built
#   --repetitions N  repetitions of every measurement, medians reported
#                    (default 5)
#   --results DIR    where the raw results go (default DIR/bench-results)
#
# Needs Google Benchmark (libbenchmark-dev), simdjson (libsimdjson-dev) and
# python3; the AWS CLI and boto3 columns appear when they are installed.
# /usr/bin/time -v (Debian package "time") gives the dashboard's peak RSS when
# present; the program's own getrusage figure is reported either way.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MGN_BENCH_BUILD_DIR:-$root/build-bench}"
quick=0
repetitions=5
results=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --build-dir) build="$2"; shift ;;
        --repetitions) repetitions="$2"; shift ;;
        --results) results="$2"; shift ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
build="$(mkdir -p "$build" && cd "$build" && pwd)"
results="${results:-$build/bench-results}"
mkdir -p "$results"

if [ "$quick" = 1 ]; then
    sizes=1000
    e2e_sizes=1000
    dashboard_sizes=1000
    repetitions=1
    gbench_args=(--benchmark_min_time=0.01)
    e2e_args=(--no-warmup)
else
    sizes=1000,10000,100000
    e2e_sizes=1000,10000,100000
    dashboard_sizes=1000,10000,100000
    gbench_args=(--benchmark_min_time=0.2 --benchmark_repetitions="$repetitions"
        --benchmark_report_aggregates_only=true)
    e2e_args=()
fi

# Configure (a new directory, or one without the benchmarks), then build only
# what the benchmarks run.
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMGN_BUILD_BENCH=ON >/dev/null
elif ! grep -q '^MGN_BUILD_BENCH:BOOL=ON' "$build/CMakeCache.txt"; then
    cmake -S "$root" -B "$build" -DMGN_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" --target benchmarks >&2

export QT_QPA_PLATFORM=offscreen
echo "Running the benchmarks (results in $results)..." >&2

# One process per fleet size, as the application only ever holds one fleet:
# in a shared process the 100,000-server runs leave a grown heap behind that
# the smaller sizes then pay for, or the other way round. SigV4 has no size.
rm -f "$results"/core*.json
IFS=, read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
    "$build/bench/mgn-bench" --sizes="$size" --benchmark_filter='/[0-9]+$' "${gbench_args[@]}" \
        --benchmark_out="$results/core-$size.json" --benchmark_out_format=json >&2
done
"$build/bench/mgn-bench" --sizes="${size_list[0]}" --benchmark_filter='^sigv4' "${gbench_args[@]}" \
    --benchmark_out="$results/core-sigv4.json" --benchmark_out_format=json >&2

python3 "$root/bench/botocore_sign.py" "$([ "$quick" = 1 ] && echo 0.2 || echo 2)" \
    >"$results/botocore_sign.json" 2>/dev/null || rm -f "$results/botocore_sign.json"

python3 "$root/bench/e2e.py" --build-dir "$build" --servers "$e2e_sizes" --repetitions "$repetitions" \
    "${e2e_args[@]}" >"$results/e2e.jsonl"

: >"$results/dashboard.jsonl"
IFS=, read -r -a dashboard_list <<<"$dashboard_sizes"
for servers in "${dashboard_list[@]}"; do
    for mode in window listing; do
        flags=(--servers "$servers")
        [ "$mode" = listing ] && flags+=(--listing-only)
        for _ in $(seq "$repetitions"); do
            if [ -x /usr/bin/time ]; then
                /usr/bin/time -v -o "$results/time.txt" "$build/bench/mgn-bench-dashboard" "${flags[@]}" \
                    >"$results/line.json"
                rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$results/time.txt")"
                python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["time_v_max_rss_kb"]=int(sys.argv[2]); print(json.dumps(d))' \
                    "$results/line.json" "$rss" >>"$results/dashboard.jsonl"
            else
                "$build/bench/mgn-bench-dashboard" "${flags[@]}" >>"$results/dashboard.jsonl"
            fi
        done
    done
done
rm -f "$results/line.json" "$results/time.txt"

python3 "$root/bench/report.py" "$results"
