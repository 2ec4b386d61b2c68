#pragma once

#include <QList>

namespace mgn {

// SourceServerTableModel::merge: a whole fleet into an empty model, and a
// refresh in which one server in a hundred changed (alone and under a sorting
// proxy, as in the window), with the signals it emits; the first fill of the
// window, page by page under a sorted proxy. References: copying the servers
// into rows, and comparing the snapshot with the rows, the least a merge has
// to do.
namespace TableModelBench {
void registerBenchmarks(const QList<int> &sizes);
} // namespace TableModelBench

} // namespace mgn
