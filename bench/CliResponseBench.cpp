#include "bench/CliResponseBench.h"

#include "app/cli/CliResponse.h"
#include "bench/BenchFleet.h"
#include "emulator/service/MgnService.h"
#include "models/api/ApiModel.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <benchmark/benchmark.h>

namespace mgn {

namespace {

// The fleet's pages only (BenchFleet::of also decodes every server).
struct Pages final {
    QList<QByteArray> bodies;
    qsizetype bytes = 0;
};

const Pages &pagesOf(int servers)
{
    static QHash<int, Pages> cache;
    auto it = cache.find(servers);
    if (it == cache.end()) {
        Pages pages;
        const auto service = BenchFleet::service(servers);
        pages.bodies = BenchFleet::listPages(*service);
        for (const QByteArray &body : pages.bodies)
            pages.bytes += body.size();
        it = cache.insert(servers, pages);
    }
    return *it;
}

void cliResponseJson(benchmark::State &state, int servers)
{
    const Pages &fleet = pagesOf(servers);
    const api::Operation *operation = api::ApiModel::mgn().operation(u"DescribeSourceServers");
    qsizetype printed = 0;
    for (auto _ : state) {
        CliResponse response(*operation, {});
        QString error;
        for (const QByteArray &page : fleet.bodies) {
            if (!response.addPage(page, &error)) {
                state.SkipWithError(qPrintable(error));
                return;
            }
        }
        const QByteArray out = response.output(CliResponse::Format::Json);
        printed = out.size();
        benchmark::DoNotOptimize(out.constData());
    }
    state.counters["output_MB"] = double(printed) / 1e6;
    state.SetBytesProcessed(state.iterations() * fleet.bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

// The reference: each page parsed by QJsonDocument, the items gathered, the
// document written indented (QJsonObject sorts the keys: not the AWS CLI's
// output, only the same amount of work done the usual Qt way).
void qJsonDocumentJson(benchmark::State &state, int servers)
{
    const Pages &fleet = pagesOf(servers);
    for (auto _ : state) {
        QJsonArray items;
        for (const QByteArray &page : fleet.bodies) {
            const QJsonArray pageItems = QJsonDocument::fromJson(page).object().value(u"items").toArray();
            for (const QJsonValue &item : pageItems)
                items.append(item);
        }
        const QByteArray out = QJsonDocument(
            QJsonObject { { QStringLiteral("items"),
                items } }).toJson(QJsonDocument::Indented);
        benchmark::DoNotOptimize(out.constData());
    }
    state.SetBytesProcessed(state.iterations() * fleet.bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

} // namespace

void CliResponseBench::registerBenchmarks(const QList<int> &sizes)
{
    for (const int servers : sizes) {
        registerForFleet("cliresponse_json", servers, cliResponseJson);
        registerForFleet("cliresponse_json.ref_qjsondocument", servers, qJsonDocumentJson);
    }
}

} // namespace mgn
