#include "emulator/service/CsvTable.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QString quoted(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString text = field;
    text.replace(u"\""_s, u"\"\""_s);
    return u'"' + text + u'"';
}

QString line(const QStringList &fields)
{
    QStringList parts;
    for (const QString &field : fields)
        parts << quoted(field);
    return parts.join(u',') + u"\r\n"_s;
}

} // namespace

QByteArray CsvTable::toCsv() const
{
    QString text = line(header);
    for (const QStringList &row : rows)
        text += line(row);
    return text.toUtf8();
}

std::optional<CsvTable> CsvTable::parse(const QByteArray &bytes, QString *error)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xfeff))) // a spreadsheet's byte order mark
        text.remove(0, 1);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    int lineNumber = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                inQuotes = false;
            } else {
                if (c == u'\n')
                    ++lineNumber;
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty()) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            fieldStarted = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            ++lineNumber;
            if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
                record << field;
                records << record;
            }
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        *error = u"line %1: a quoted field is not closed"_s.arg(lineNumber);
        return std::nullopt;
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
        record << field;
        records << record;
    }
    if (records.isEmpty()) {
        *error = u"the file has no header row"_s;
        return std::nullopt;
    }
    CsvTable table;
    table.header = records.takeFirst();
    table.rows = records;
    return table;
}

} // namespace mgn
