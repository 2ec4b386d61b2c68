#!/usr/bin/env python3
"""Formats documents with the AWS CLI's own text and table formatters, for
comparison with ours (tests/tst_clioutputformats.cpp).

Reads a JSON list from stdin:
    [{"title": ..., "document": any JSON, "format": "text" | "table",
      "width": terminal width for tables}, ...]
Members keep their order (json.loads builds dicts in document order) and
numbers written with a fraction or an exponent are floats (1.0 stays a float).
Writes to stdout:
    {"awscli_version": ..., "unidata_version": ...,
     "wide_ranges": [[first, last], ...],   # what get_text_length counts as 2
     "outputs": [{"output": ..., "error": null or the exception's type}, ...]}
Each document is one answer after the formatters' own steps (paging,
ResponseMetadata, --query), which are the caller's in mgnctl too: text goes
through awscli.text.format_text, as TextFormatter does for each page; a table
through TableFormatter (--color off) and its _format_response, which builds
the MultiTable and renders it. Both write into a StringIO; the table's
terminal width is set as determine_terminal_width would have found it. Exit
status 3 means the AWS CLI is not installed.
"""

import argparse
import io
import json
import sys
import unicodedata

try:
    import awscli
    from awscli import text
    from awscli.formatter import TableFormatter
except ImportError:
    sys.stderr.write("awscli is not installed\n")
    sys.exit(3)


def wide_ranges():
    ranges = []
    start = None
    for code in range(0x110000):
        wide = unicodedata.east_asian_width(chr(code)) in "WFA"
        if wide and start is None:
            start = code
        elif not wide and start is not None:
            ranges.append([start, code - 1])
            start = None
    if start is not None:
        ranges.append([start, 0x10FFFF])
    return ranges


def format_one(case):
    args = argparse.Namespace(query=None, color="off")
    stream = io.StringIO()
    try:
        if case["format"] == "text":
            text.format_text(case["document"], stream)
        else:
            formatter = TableFormatter(args)
            # MultiTable asked the ioctl when it was made; a pipe gave it 80.
            formatter.table._terminal_width = case["width"]
            formatter._format_response(case["title"], case["document"], stream)
    except Exception as error:  # awscli's driver reports it; stdout keeps what was written
        return {"output": stream.getvalue(), "error": type(error).__name__}
    return {"output": stream.getvalue(), "error": None}


def main():
    cases = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    result = {
        "awscli_version": awscli.__version__,
        "unidata_version": unicodedata.unidata_version,
        "wide_ranges": wide_ranges(),
        "outputs": [format_one(case) for case in cases],
    }
    sys.stdout.buffer.write(json.dumps(result, ensure_ascii=True).encode("ascii"))


if __name__ == "__main__":
    main()
