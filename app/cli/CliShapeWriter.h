#pragma once

#include "app/cli/CliWireTape.h"
#include "models/api/ApiModel.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace mgn {

// Writes what botocore's rest-json parser makes of a body, driven by the
// output shape, as the AWS CLI prints it (Python's json.dumps with indent=4,
// ensure_ascii=False), straight from the tape into one growing buffer:
// structure members in the model's order, unknown and null members dropped,
// maps in wire order (a repeated key keeps its first place and its last
// value, as a Python dict does), strings as sent, numbers as int() and
// float() of the shape's type make them. No tree, no QString per value: a
// string without escapes is copied as it is.
class CliShapeWriter final
{
public:
    // A shape made ready for writing (member names as bytes, the written keys).
    struct Plan;

    explicit CliShapeWriter(const api::Shape *root = nullptr);

    // The plan of a shape reachable from the root (nullptr for nullptr:
    // values are then written as json.loads read them).
    const Plan *plan(const api::Shape *shape) const;
    const Plan *rootPlan() const { return plan(m_root); }
    // The plan of a structure's member, or of a list's element.
    static const Plan *memberPlan(const Plan *structure, QByteArrayView name);
    static const Plan *elementPlan(const Plan *list);

    // Appends the value at `node`, parsed as `plan` says, at nesting `level`
    // (4 spaces each). False when botocore would fail on it (error() says why).
    bool writeValue(const CliWireTape &tape, quint32 node, const Plan *plan, int level);
    // Appends elements [from, to) of an array, each after a newline at
    // `level`, the ones after `*first` after a comma.
    bool writeElements(const CliWireTape &tape, quint32 array, const Plan *element, int level, qint64 from,
        qint64 to, bool *first);

    void append(QByteArrayView bytes);
    qsizetype size() const { return m_size; }
    QByteArrayView written() const { return QByteArrayView(m_out.constData(), m_size); }
    void clear() { m_size = 0; }
    // The buffer with `suffix` after what was written, without a copy: the
    // next write copies it first, if the caller still holds it.
    QByteArray finish(QByteArrayView suffix);
    const QString &error() const { return m_error; }

private:
    struct Plans;

    // Room for `n` more bytes; returns where they go (m_size not moved).
    char *reserve(qsizetype n);
    void newline(int level);
    bool writeStructure(const CliWireTape &tape, quint32 node, const Plan *plan, int level);
    bool writeDict(const CliWireTape &tape, quint32 node, const Plan *value, int level);
    bool writeList(const CliWireTape &tape, quint32 node, const Plan *element, int level);
    bool writeRaw(const CliWireTape &tape, quint32 node, int level);
    bool writeScalar(const CliWireTape &tape, quint32 node, const Plan *plan);
    void writeString(const CliWireTape &tape, quint32 node);
    void writeBytes(const char *data, qsizetype n);
    bool fail(const QString &error);

    const api::Shape *m_root = nullptr;
    std::shared_ptr<const Plans> m_plans;
    QByteArray m_out;
    qsizetype m_size = 0;
    QString m_error;
};

} // namespace mgn
