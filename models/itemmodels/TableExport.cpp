#include "models/itemmodels/TableExport.h"

namespace mgn {

QString TableExport::csvField(const QString &text)
{
    QString field = text;
    if (!field.isEmpty() && QStringLiteral("=+-@").contains(field.front()))
        field.prepend(u'\'');
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r')) {
        field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        field = u'"' + field + u'"';
    }
    return field;
}

QByteArray TableExport::csv(const QAbstractItemModel &model)
{
    QString out;
    const int columns = model.columnCount();
    QStringList cells;
    for (int column = 0; column < columns; ++column)
        cells.append(csvField(model.headerData(column, Qt::Horizontal).toString()));
    out += cells.join(u',') + QStringLiteral("\r\n");
    for (int row = 0; row < model.rowCount(); ++row) {
        cells.clear();
        for (int column = 0; column < columns; ++column)
            cells.append(csvField(model.index(row, column).data().toString()));
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace mgn
