#pragma once

#include <QList>

namespace mgn {

// JSON engines on the same DescribeSourceServers pages: JsonTape::parse,
// simdjson's DOM and On-Demand parsers, beside QJsonDocument::fromJson; then
// each parse followed by a walk of every member of every server, strings
// made QStrings, as a decoder or the CLI's output writer does.
namespace JsonParseBench {
void registerBenchmarks(const QList<int> &sizes);
} // namespace JsonParseBench

} // namespace mgn
