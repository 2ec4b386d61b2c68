#pragma once

#include "app/cli/CliValue.h"

#include <QString>

namespace mgn {

// The AWS CLI's --output table, byte for byte: the table that awscli's
// TableFormatter (awscli/formatter.py) builds with awscli/table.py's
// MultiTable and renders into a stream that is not a terminal (no colour).
// `title` is the operation's name (awscli prints e.g. DescribeSourceServers).
//
// A dict becomes a section of one row under its sorted scalar keys (a single
// key and value side by side), each nested value a section below it, one
// indent deeper; a list of dicts a section of rows under the union of their
// scalar keys. Columns get their widest cell plus 4, scaled to the widest
// section. When the table is wider than `terminalWidth`, every section of
// one row is turned into key/value rows, once (it may stay wider). Widths
// count East Asian wide and ambiguous characters as 2 (CliTextWidth).
//
// The terminal width: awscli asks the TIOCGWINSZ ioctl on stdout when the
// MultiTable is made, and takes 80 when that fails, as it does whenever
// stdout is not a terminal (a pipe, a file) and always on Windows (no
// fcntl). COLUMNS is never read. stdoutTerminalWidth() finds the same.
//
// A document that Python counts as false (None, false, 0, "", [], {}) prints
// nothing, and so do the documents awscli raises on while building the table
// (rows of differing lengths, a list of dicts with other values in it).
class CliTableFormatter final
{
public:
    static QString format(const QString &title, const CliValue &document, int terminalWidth = 80);
    // awscli's determine_terminal_width() for this process's stdout: the
    // terminal's columns (even 0, which awscli keeps too), else 80.
    static int stdoutTerminalWidth();

private:
    struct Section;
    class Builder;
};

} // namespace mgn
