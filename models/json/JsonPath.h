#pragma once

#include <QAnyStringView>
#include <QString>

namespace mgn {

// Where a value sits in a JSON document, as "items[3].dataReplicationInfo.
// replicatedDisks[0].totalStorageBytes". A path is a chain of small stack
// values, each pointing at its parent: building one costs nothing, and the
// text is only made when an error is reported. A child must therefore not
// outlive its parent, nor the key text it was given.
class JsonPath final
{
public:
    JsonPath() = default; // the document's root

    JsonPath member(QAnyStringView key) const { return JsonPath(this, key, -1); }
    JsonPath element(qsizetype index) const { return JsonPath(this, {}, index); }

    bool isRoot() const { return m_parent == nullptr; }
    // Keys that are not plain identifiers (tag keys may hold anything) are
    // written as ["key"], so the path stays unambiguous.
    QString toString() const;

private:
    JsonPath(const JsonPath *parent, QAnyStringView key, qsizetype index)
        : m_parent(parent)
        , m_key(key)
        , m_index(index)
    { }

    void appendTo(QString &out) const;

    const JsonPath *m_parent = nullptr;
    QAnyStringView m_key;
    qsizetype m_index = -1; // >= 0 for an array element, -1 for a member
};

} // namespace mgn
