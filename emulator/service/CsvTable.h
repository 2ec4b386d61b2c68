#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mgn {

// A CSV file as RFC 4180 writes it (UTF-8, CRLF, fields with a comma, quote
// or line break quoted, quotes doubled): the header row, then the rows.
class CsvTable final
{
public:
    QStringList header;
    QList<QStringList> rows;

    QByteArray toCsv() const;
    // nullopt with *error (the line) for an unterminated quote or a text
    // without a header.
    static std::optional<CsvTable> parse(const QByteArray &text, QString *error);

    // The column of `name` in the header; -1 when absent.
    qsizetype column(const QString &name) const { return header.indexOf(name); }
};

} // namespace mgn
