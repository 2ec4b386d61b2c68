#pragma once

#include <QList>

namespace mgn {

// SourceServerFilterProxyModel over a full table: a sort by each column and a
// free-text filter. References: std::stable_sort of the same sort keys taken
// out beforehand, and the text predicate run over every server.
namespace ProxyBench {
void registerBenchmarks(const QList<int> &sizes);
} // namespace ProxyBench

} // namespace mgn
