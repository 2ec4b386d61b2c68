#pragma once

#include "app/cli/CliShapeWriter.h"
#include "app/cli/CliValue.h"
#include "models/api/ApiModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mgn {

// What the AWS CLI (v1) prints on stdout for one command run: botocore's
// parse of each 2xx body, driven by the operation's output shape, then, for a
// paginated call, botocore's PageIterator and build_full_result (--max-items,
// --starting-token, --page-size, the resume token it prints as NextToken),
// and awscli's JSON, text or table formatter. The JSON document is written
// from each page's tape into one buffer as the page arrives, never as a tree.
class CliResponse final
{
public:
    struct Paging final {
        std::optional<qint64> maxItems;
        std::optional<QString> startingToken;
        std::optional<qint64> pageSize;
        bool paginate = true;
    };

    CliResponse(const api::Operation &operation, Paging paging);

    // The token for the first request: from --starting-token (botocore's
    // encoded form, or the older "token___index" one) or none. A starting
    // token botocore refuses makes addPage() fail with its error.
    std::optional<QString> firstToken() const;
    // One 2xx body. False with a clear error when it is not JSON, or not what
    // botocore can parse with the output shape. For paginated calls it keeps
    // what the CLI keeps (the result key's items up to --max-items).
    bool addPage(const QByteArray &body, QString *error);
    // For paginated calls: the token to request the next page with, or
    // nullopt when done (no output token, or --max-items reached).
    std::optional<QString> nextToken() const;

    enum class Format { Json, Text, Table };
    // The bytes the AWS CLI prints on stdout (empty when it prints nothing).
    QByteArray output(Format format) const;

private:
    // One page of a paginated call, as the text formatter prints it.
    struct PageItems final {
        bool present = false; // the result key holds a list (else None)
        qsizetype begin = 0; // its items' text in m_writer's buffer
        qsizetype end = 0;
    };

    bool isPaginated() const { return m_paginated; }
    bool decodeStartingToken();
    bool addPaginatedPage(QString *error);
    QByteArray paginatedJson() const;
    CliValue fullDocument() const;
    QString textOutput() const;

    const api::Operation *m_operation = nullptr;
    Paging m_paging;
    bool m_paginated = false;
    QString m_resultKey; // the paginator's (first) result key
    QString m_inputToken;
    QString m_outputToken;
    CliWireTape m_tape; // the page being read; its room is reused
    // output() hands out the writer's buffer as the document, not a copy.
    mutable CliShapeWriter m_writer;
    std::optional<QString> m_error; // a starting token botocore refuses
    bool m_hasDocument = false; // a non-paginated answer arrived

    // Paginated calls.
    std::optional<QString> m_firstToken;
    qint64 m_startingTruncation = 0;
    QByteArray m_requestTokenJson = "null"; // json.dumps of the token this page was asked with
    std::optional<QString> m_previousToken;
    std::optional<QString> m_nextToken;
    std::optional<QString> m_resumeToken;
    qint64 m_totalItems = 0;
    bool m_hasItems = false; // the merged result holds the result key
    qsizetype m_itemsBegin = 0; // where the items start in m_writer's buffer
    bool m_firstItem = true;
    bool m_done = false;
    QList<PageItems> m_pages;
};

} // namespace mgn
