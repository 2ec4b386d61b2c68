#include "app/cli/CliTableFormatter.h"

#include "app/cli/CliPythonText.h"
#include "app/cli/CliTextWidth.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#ifndef Q_OS_WIN
#include <sys/ioctl.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

// Python's c * n, which is "" for n <= 0.
QString repeated(QChar c, int count)
{
    return count > 0 ? QString(count, c) : QString();
}

// table.py's center_text. Lengths are never negative here (a column is its
// widest text plus 4 or wider), so C++'s / does what Python's // does.
QString centerText(const QString &text, int length, const QString &leftEdge, const QString &rightEdge)
{
    const int textLength = CliTextWidth::length(text);
    const int charStart = length / 2 - textLength / 2 - 1;
    const int lengthSoFar = CliTextWidth::length(leftEdge) + charStart + textLength;
    const int rightSideSpaces = length - CliTextWidth::length(rightEdge) - lengthSoFar;
    return leftEdge + repeated(u' ', charStart) + text + repeated(u' ', rightSideSpaces) + rightEdge;
}

// table.py's align_left, with left_padding 2.
QString alignLeft(const QString &text, int length, const QString &leftEdge, const QString &rightEdge)
{
    const int textLength = CliTextWidth::length(text);
    const int computedLength
        = textLength + 2 + CliTextWidth::length(leftEdge) + CliTextWidth::length(rightEdge);
    const int padding = length - computedLength >= 0 ? 2 : 0;
    const int lengthSoFar = int(leftEdge.size()) + padding + textLength;
    return leftEdge + repeated(u' ', padding) + text
        + repeated(u' ', length - lengthSoFar - int(rightEdge.size())) + rightEdge;
}

} // namespace

// table.py's Section. A title of nullopt is Python's None: not rendered, but
// measured as the 4 characters of str(None).
struct CliTableFormatter::Section final {
    std::optional<QString> title = QString();
    QStringList headers;
    QList<QStringList> rows;
    int indentLevel = 0;
    std::optional<qsizetype> numCols;
    QList<int> maxWidths;

    // False where Python raises IndexError: a row longer than the widths so far.
    bool updateMaxWidths(const QStringList &row)
    {
        if (maxWidths.isEmpty()) {
            for (const QString &element : row)
                maxWidths.append(CliTextWidth::length(element));
            return true;
        }
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i >= maxWidths.size())
                return false;
            maxWidths[i] = std::max(CliTextWidth::length(row.at(i)), maxWidths.at(i));
        }
        return true;
    }

    bool addHeader(const QStringList &newHeaders)
    {
        if (!updateMaxWidths(newHeaders))
            return false;
        if (!numCols)
            numCols = newHeaders.size();
        headers = newHeaders;
        return true;
    }

    // False where Python raises ValueError: a row of another length.
    bool addRow(const QStringList &row)
    {
        if (!numCols)
            numCols = row.size();
        if (row.size() != *numCols)
            return false;
        rows.append(row);
        return updateMaxWidths(row);
    }

    // calculate_column_widths(padding=4, max_width): the widths scaled to
    // add up to maxWidth.
    QList<int> columnWidths(int maxWidth) const
    {
        QList<int> scaled;
        if (maxWidths.isEmpty())
            return scaled;
        int sum = 0;
        for (const int width : maxWidths)
            sum += width + 4;
        const double scaleFactor = maxWidth / double(sum);
        // nearbyint rounds half to even, as Python's round() does.
        for (const int width : maxWidths)
            scaled.append(int(std::nearbyint(scaleFactor * (width + 4))));
        int offBy = -maxWidth;
        for (const int width : scaled)
            offBy += width;
        while (offBy != 0) {
            for (qsizetype j = 0; j < scaled.size(); ++j) {
                const qsizetype i = offBy < 0 ? scaled.size() - 1 - j : j;
                if (offBy > 0) {
                    --scaled[i];
                    --offBy;
                } else {
                    ++scaled[i];
                    ++offBy;
                }
                if (offBy == 0)
                    break;
            }
        }
        return scaled;
    }

    // total_width(padding=4, with_border=True, outer_padding=indent_level)
    int totalWidth() const
    {
        int total = 2 + 2 * indentLevel;
        for (const int width : maxWidths)
            total += width + 4;
        const int titleLength = title ? CliTextWidth::length(*title) : 4;
        return std::max(titleLength + 2 + 2 * indentLevel, total);
    }
};

// TableFormatter's _build_table and MultiTable's render.
class CliTableFormatter::Builder final
{
public:
    // False where TableFormatter prints nothing: a false document.
    bool build(const std::optional<QString> &title, const CliValue &current, int indentLevel = 0)
    {
        if (!CliPythonText::isTruthy(current))
            return false;
        if (title)
            newSection(title, indentLevel);
        if (current.type == CliValue::Type::List) {
            if (current.items.first().type == CliValue::Type::Object) {
                subTableFromList(current, indentLevel, title);
            } else {
                for (const CliValue &item : current.items) {
                    if (!CliPythonText::isContainer(item))
                        addRow({ CliPythonText::str(item) });
                    else if (item.type == CliValue::Type::Object)
                        addRow(keysOf(item)); // all() over a dict walks its keys, which are scalars
                    else if (std::none_of(item.items.begin(), item.items.end(), CliPythonText::isContainer))
                        addRow(strings(item.items));
                    else
                        build(std::nullopt, item);
                }
            }
        }
        if (current.type == CliValue::Type::Object)
            subTableFromDict(current, indentLevel);
        return true;
    }

    QString render(int terminalWidth)
    {
        int maxWidth = calculateMaxWidth();
        if (maxWidth > terminalWidth) {
            convertToVerticalTable();
            maxWidth = calculateMaxWidth();
        }
        m_out = repeated(u'-', maxWidth) + u'\n';
        for (const Section &section : std::as_const(m_sections))
            renderSection(section, maxWidth);
        return m_out;
    }

    bool failed() const { return m_failed; }

private:
    static QStringList keysOf(const CliValue &dict)
    {
        QStringList keys;
        for (const auto &member : CliPythonText::dictItems(dict))
            keys.append(member.first);
        return keys;
    }

    static QStringList strings(const QList<CliValue> &values)
    {
        QStringList texts;
        for (const CliValue &value : values)
            texts.append(CliPythonText::str(value));
        return texts;
    }

    // _group_scalar_keys: the scalar keys and the others, each sorted.
    static std::pair<QStringList, QStringList> groupScalarKeys(const CliValue &dict)
    {
        QStringList headers;
        QStringList more;
        for (const auto &member : CliPythonText::dictItems(dict))
            (CliPythonText::isContainer(*member.second) ? more : headers).append(member.first);
        std::sort(headers.begin(), headers.end(), CliPythonText::lessThan);
        std::sort(more.begin(), more.end(), CliPythonText::lessThan);
        return { headers, more };
    }

    void newSection(const std::optional<QString> &title, int indentLevel)
    {
        Section section;
        section.title = title;
        section.indentLevel = indentLevel;
        m_sections.append(section);
    }

    void addRowHeader(const QStringList &headers)
    {
        if (!m_sections.last().addHeader(headers))
            m_failed = true;
    }

    void addRow(const QStringList &row)
    {
        if (!m_sections.last().addRow(row))
            m_failed = true;
    }

    void subTableFromDict(const CliValue &current, int indentLevel)
    {
        const auto [headers, more] = groupScalarKeys(current);
        if (headers.size() == 1) {
            addRow(
                { headers.first(), CliPythonText::str(*CliPythonText::dictGet(current, headers.first())) });
        } else if (!headers.isEmpty()) {
            addRowHeader(headers);
            QStringList row;
            for (const QString &header : headers)
                row.append(CliPythonText::str(*CliPythonText::dictGet(current, header)));
            addRow(row);
        }
        for (const QString &remaining : more)
            build(remaining, *CliPythonText::dictGet(current, remaining), indentLevel + 1);
    }

    void subTableFromList(const CliValue &current, int indentLevel, const std::optional<QString> &title)
    {
        // Any element but a dict makes _group_scalar_keys or .get() raise.
        QStringList headers;
        QStringList more;
        for (const CliValue &element : current.items) {
            if (element.type != CliValue::Type::Object) {
                m_failed = true;
                return;
            }
            const auto [elementHeaders, elementMore] = groupScalarKeys(element);
            for (const QString &header : elementHeaders) {
                if (!headers.contains(header))
                    headers.append(header);
            }
            for (const QString &key : elementMore) {
                if (!more.contains(key))
                    more.append(key);
            }
        }
        std::sort(headers.begin(), headers.end(), CliPythonText::lessThan);
        std::sort(more.begin(), more.end(), CliPythonText::lessThan);
        addRowHeader(headers);
        bool first = true;
        for (const CliValue &element : current.items) {
            if (!first && !more.isEmpty()) {
                newSection(title, indentLevel);
                addRowHeader(headers);
            }
            first = false;
            QStringList row;
            for (const QString &header : headers) {
                const CliValue *value = CliPythonText::dictGet(element, header);
                row.append(value ? CliPythonText::str(*value) : QString());
            }
            addRow(row);
            for (const QString &remaining : more) {
                if (const CliValue *value = CliPythonText::dictGet(element, remaining))
                    build(remaining, *value, indentLevel + 1);
            }
        }
    }

    int calculateMaxWidth() const
    {
        int maxWidth = 0;
        for (const Section &section : m_sections)
            maxWidth = std::max(maxWidth, section.totalWidth());
        return maxWidth;
    }

    // convert_to_vertical_table: a section of one row becomes a row per column.
    void convertToVerticalTable()
    {
        for (Section &section : m_sections) {
            if (section.rows.size() != 1 || section.headers.isEmpty())
                continue;
            Section vertical;
            vertical.title = section.title;
            vertical.indentLevel = section.indentLevel;
            const QStringList &row = section.rows.first();
            for (qsizetype i = 0; i < std::min(section.headers.size(), row.size()); ++i)
                vertical.addRow({ section.headers.at(i), row.at(i) });
            section = vertical;
        }
    }

    // Every line goes through IndentedStream: '|' per indent level each side.
    void writeLine(const Section &section, const QString &line)
    {
        const QString indent = repeated(u'|', section.indentLevel);
        m_out += indent + line + indent + u'\n';
    }

    void writeLineBreak(const Section &section, const QList<int> &widths)
    {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            if (i == 0)
                line += u'+' + repeated(u'-', widths.at(i) - 2) + u'+';
            else
                line += repeated(u'-', widths.at(i) - 1) + u'+';
        }
        writeLine(section, line);
    }

    void renderSection(const Section &section, int maxWidth)
    {
        maxWidth -= section.indentLevel * 2;
        const QString bar = u"|"_s;
        if (section.title && !section.title->isEmpty()) {
            writeLine(section, centerText(*section.title, maxWidth, bar, bar));
            if (section.headers.isEmpty() && section.rows.isEmpty())
                writeLine(section, u'+' + repeated(u'-', maxWidth - 2) + u'+');
        }
        if (!section.headers.isEmpty()) {
            const QList<int> widths = section.columnWidths(maxWidth);
            QString line;
            for (qsizetype i = 0; i < std::min(widths.size(), section.headers.size()); ++i)
                line += centerText(section.headers.at(i), widths.at(i), i == 0 ? bar : QString(), bar);
            writeLineBreak(section, widths);
            writeLine(section, line);
        }
        if (section.rows.isEmpty())
            return;
        const QList<int> widths = section.columnWidths(maxWidth);
        if (widths.isEmpty())
            return;
        writeLineBreak(section, widths);
        for (const QStringList &row : section.rows) {
            QString line;
            for (qsizetype i = 0; i < std::min(widths.size(), row.size()); ++i)
                line += alignLeft(row.at(i), widths.at(i), i == 0 ? bar : QString(), bar);
            writeLine(section, line);
        }
        writeLineBreak(section, widths);
    }

    QList<Section> m_sections;
    QString m_out;
    bool m_failed = false;
};

QString CliTableFormatter::format(const QString &title, const CliValue &document, int terminalWidth)
{
    Builder builder;
    if (!builder.build(title, document) || builder.failed())
        return {};
    return builder.render(terminalWidth);
}

int CliTableFormatter::stdoutTerminalWidth()
{
#ifdef Q_OS_WIN
    return 80;
#else
    winsize size = {};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0)
        return 80;
    // Python unpacks the columns as a signed short.
    return qint16(size.ws_col);
#endif
}

} // namespace mgn
