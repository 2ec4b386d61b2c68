#pragma once

#include <QList>

namespace mgn {

// What mgnctl prints for a DescribeSourceServers listing, pages in memory to
// the bytes of stdout: CliResponse (the JSON the AWS CLI prints) beside
// QJsonDocument parsing the same pages and writing their items indented.
namespace CliResponseBench {
void registerBenchmarks(const QList<int> &sizes);
} // namespace CliResponseBench

} // namespace mgn
