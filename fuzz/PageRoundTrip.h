#pragma once

#include "fuzz/FuzzCheck.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgn {

// The invariants of a list response's codec (SourceServerCodec, JobCodec):
// decoding never crashes, without a page error every element of "items" is an
// item or an error, and what decoded survives encode -> JSON text -> decode
// unchanged (every member, dates and durations in canonical form, unknown
// enumeration values verbatim).
template<typename Codec> void checkPageRoundTrip(const QByteArray &body)
{
    using namespace Qt::Literals::StringLiterals;
    const auto page = Codec::decodePage(body);
    if (!page.pageError) {
        const QJsonArray items = QJsonDocument::fromJson(body).object().value("items"_L1).toArray();
        MGN_FUZZ_CHECK(page.items.size() + page.errors.size() == items.size());
    }
    for (const auto &error : page.errors)
        MGN_FUZZ_CHECK(error.index >= 0 && !error.message.isEmpty() && error.path.startsWith(u"items["));

    const QJsonObject encoded = Codec::encodePage(page.items, page.nextToken);
    const auto again = Codec::decodePage(QJsonDocument(encoded).toJson(QJsonDocument::Compact));
    MGN_FUZZ_CHECK(!again.pageError);
    MGN_FUZZ_CHECK(again.errors.isEmpty());
    MGN_FUZZ_CHECK(again.nextToken == page.nextToken);
    MGN_FUZZ_CHECK(again.items == page.items);
}

} // namespace mgn
