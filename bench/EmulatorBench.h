#pragma once

#include <QList>

namespace mgn {

// The emulator's service listing a whole fleet with DescribeSourceServers,
// 1000 servers a page, without HTTP (MgnService::handle: the simulation
// brought up to date per server, then the page written), beside
// QJsonDocument::toJson writing the same pages from documents built
// beforehand.
namespace EmulatorBench {
void registerBenchmarks(const QList<int> &sizes);
} // namespace EmulatorBench

} // namespace mgn
