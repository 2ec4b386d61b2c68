#pragma once

#include <QtGlobal>

namespace mgn {

// How far a paged listing has come: pages received, items decoded and items
// that could not be decoded, all pages so far.
struct PagingProgress final {
    int pages = 0;
    qsizetype items = 0;
    qsizetype itemErrors = 0;

    bool operator==(const PagingProgress &) const = default;
};

} // namespace mgn
