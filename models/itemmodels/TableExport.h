#pragma once

#include <QAbstractItemModel>
#include <QByteArray>

namespace mgn {

// A table model's rows as they are shown (display role, the current order and
// filter of a proxy), for export.
namespace TableExport {
// RFC 4180 CSV, UTF-8, a header row from the horizontal headers; fields
// with a comma, a quote or a line break are quoted. Cells that a
// spreadsheet would run as a formula (=, +, -, @ first) get a leading
// apostrophe.
QByteArray csv(const QAbstractItemModel &model);
QString csvField(const QString &text);
} // namespace TableExport

} // namespace mgn
