// mgn-bench: the in-process benchmarks (Google Benchmark). Each figure has a
// reference measured in the same run (a name with ".ref_"); bench/run.sh puts
// them side by side. Besides Google Benchmark's flags:
//   --sizes=1000,10000,100000   fleet sizes (default: those three)
#include "bench/CliResponseBench.h"
#include "bench/CodecBench.h"
#include "bench/EmulatorBench.h"
#include "bench/JsonParseBench.h"
#include "bench/ProxyBench.h"
#include "bench/SigV4Bench.h"
#include "bench/TableModelBench.h"

#include <QCoreApplication>
#include <QList>

#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace mgn;

int main(int argc, char **argv)
{
    QList<int> sizes { 1000, 10000, 100000 };
    std::vector<char *> arguments;
    for (int i = 0; i < argc; ++i) {
        constexpr const char sizesFlag[] = "--sizes=";
        if (std::strncmp(argv[i], sizesFlag, sizeof(sizesFlag) - 1) != 0) {
            arguments.push_back(argv[i]);
            continue;
        }
        sizes.clear();
        for (const QByteArray &size : QByteArray(argv[i] + sizeof(sizesFlag) - 1).split(',')) {
            bool ok = false;
            const int value = size.toInt(&ok);
            if (!ok || value < 1) {
                std::fprintf(stderr, "mgn-bench: bad size \"%s\" in --sizes\n", size.constData());
                return 2;
            }
            sizes.append(value);
        }
    }
    int count = int(arguments.size());
    arguments.push_back(nullptr);
    QCoreApplication app(count, arguments.data());

    CodecBench::registerBenchmarks(sizes);
    JsonParseBench::registerBenchmarks(sizes);
    CliResponseBench::registerBenchmarks(sizes);
    TableModelBench::registerBenchmarks(sizes);
    ProxyBench::registerBenchmarks(sizes);
    EmulatorBench::registerBenchmarks(sizes);
    SigV4Bench::registerBenchmarks();

    benchmark::Initialize(&count, arguments.data());
    if (benchmark::ReportUnrecognizedArguments(count, arguments.data()))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
