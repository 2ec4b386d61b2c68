#include "app/cli/CliShapeWriter.h"

#include "app/cli/CliPythonJson.h"

#include <QVarLengthArray>

#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace mgn {

using namespace Qt::Literals::StringLiterals;

struct CliShapeWriter::Plan final {
    api::ShapeType type = api::ShapeType::String;
    bool isUnion = false;
    QString name;
    std::vector<QByteArray> names; // Structure: the members' names as sent
    std::vector<QByteArray> keys; // Structure: "name": as written
    std::vector<const Plan *> members; // Structure
    const Plan *element = nullptr; // List: the element; Map: the value
};

struct CliShapeWriter::Plans final {
    std::vector<std::unique_ptr<Plan>> plans;
    QHash<const api::Shape *, const Plan *> index;
};

namespace {

using Plan = CliShapeWriter::Plan;
using Type = CliWireTape::Type;

// A newline and 64 levels of indentation.
constexpr int indentWidth = 4;
constexpr int indentLevels = 64;
struct IndentText final {
    char text[1 + indentWidth * indentLevels];
    constexpr IndentText()
        : text()
    {
        text[0] = '\n';
        for (int i = 1; i < int(sizeof text); ++i)
            text[i] = ' ';
    }
    const char *constData() const { return text; }
};
constexpr IndentText indentBytes;
const IndentText &indentText()
{
    return indentBytes;
}

// Copies the short pieces a document is made of without a call to memcpy.
inline void copyBytes(char *to, const char *from, qsizetype n)
{
    if (n > 32) {
        std::memcpy(to, from, size_t(n));
    } else if (n >= 16) {
        char head[16];
        char tail[16];
        std::memcpy(head, from, 16);
        std::memcpy(tail, from + n - 16, 16);
        std::memcpy(to, head, 16);
        std::memcpy(to + n - 16, tail, 16);
    } else if (n >= 8) {
        quint64 head;
        quint64 tail;
        std::memcpy(&head, from, 8);
        std::memcpy(&tail, from + n - 8, 8);
        std::memcpy(to, &head, 8);
        std::memcpy(to + n - 8, &tail, 8);
    } else if (n >= 4) {
        quint32 head;
        quint32 tail;
        std::memcpy(&head, from, 4);
        std::memcpy(&tail, from + n - 4, 4);
        std::memcpy(to, &head, 4);
        std::memcpy(to + n - 4, &tail, 4);
    } else if (n > 0) {
        to[0] = from[0];
        to[n / 2] = from[n / 2];
        to[n - 1] = from[n - 1];
    }
}

// Maps the pages of [begin, end) in one call. A document of tens of
// megabytes otherwise takes a page fault every 4 KiB as it is written, and
// in a virtual machine those faults cost a quarter of the time spent writing.
void prefault(char *begin, char *end)
{
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    constexpr quintptr page = 4096;
    const quintptr first = (quintptr(begin) + page - 1) & ~(page - 1);
    const quintptr last = quintptr(end) & ~(page - 1);
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(begin);
    Q_UNUSED(end);
#endif
}

// Whether two byte ranges of the same length are equal; names are short.
inline bool equalBytes(const char *a, const char *b, qsizetype n)
{
    if (n >= 8 && n <= 16) {
        quint64 a0;
        quint64 a1;
        quint64 b0;
        quint64 b1;
        std::memcpy(&a0, a, 8);
        std::memcpy(&b0, b, 8);
        std::memcpy(&a1, a + n - 8, 8);
        std::memcpy(&b1, b + n - 8, 8);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    return std::memcmp(a, b, size_t(n)) == 0;
}

inline bool sameName(const QByteArray &known, QByteArrayView name)
{
    return known.size() == name.size() && equalBytes(known.constData(), name.data(), name.size());
}

bool keysEqual(const CliWireTape &tape, quint32 a, quint32 b)
{
    const bool escaped = (tape.node(a).flags | tape.node(b).flags) & CliWireTape::Escaped;
    if (!escaped)
        return tape.text(a) == tape.text(b);
    return tape.string(a) == tape.string(b);
}

// An object's members as a Python dict holds them: a repeated name keeps its
// first place and takes the last value.
using Entries = QVarLengthArray<std::pair<quint32, quint32>, 16>;
void dictEntries(const CliWireTape &tape, quint32 object, Entries *entries)
{
    const quint32 end = tape.next(object);
    QHash<QByteArray, qsizetype> seen; // used for large objects only
    for (quint32 i = CliWireTape::firstChild(object); i < end; i = tape.next(i + 1)) {
        qsizetype found = -1;
        if (entries->size() < 32) {
            for (qsizetype k = 0; k < entries->size(); ++k) {
                if (keysEqual(tape, entries->at(k).first, i)) {
                    found = k;
                    break;
                }
            }
        } else {
            if (seen.isEmpty()) {
                for (qsizetype k = 0; k < entries->size(); ++k)
                    seen.insert(tape.string(entries->at(k).first), k);
            }
            const QByteArray key = tape.string(i);
            found = seen.value(key, -1);
            if (found < 0)
                seen.insert(key, entries->size());
        }
        if (found >= 0)
            (*entries)[found].second = i + 1;
        else
            entries->append({ i, i + 1 });
    }
}

QString typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return u"NoneType"_s;
    case Type::False:
    case Type::True:
        return u"bool"_s;
    case Type::Integer:
        return u"int"_s;
    case Type::Float:
        return u"float"_s;
    case Type::String:
        return u"str"_s;
    case Type::Array:
        return u"list"_s;
    case Type::Object:
        return u"dict"_s;
    }
    return {};
}

const Plan *buildPlan(const api::Shape *shape, std::vector<std::unique_ptr<Plan>> &store,
    QHash<const api::Shape *, const Plan *> &index)
{
    if (!shape)
        return nullptr;
    if (const Plan *known = index.value(shape))
        return known;
    auto owned = std::make_unique<Plan>();
    Plan *plan = owned.get();
    store.push_back(std::move(owned));
    index.insert(shape, plan); // before the members: shapes may recurse
    plan->type = shape->type;
    plan->isUnion = shape->isUnion;
    plan->name = shape->name;
    if (shape->type == api::ShapeType::Structure) {
        for (const api::Member &member : shape->members) {
            const QByteArray name = member.name.toUtf8();
            QByteArray key;
            CliPythonJson::appendString(key, name);
            key.append(": ");
            plan->names.push_back(name);
            plan->keys.push_back(key);
            plan->members.push_back(nullptr);
        }
        for (qsizetype i = 0; i < shape->members.size(); ++i)
            plan->members[size_t(i)] = buildPlan(shape->members[i].shape, store, index);
    } else if (shape->type == api::ShapeType::List) {
        plan->element = buildPlan(shape->member, store, index);
    } else if (shape->type == api::ShapeType::Map) {
        plan->element = buildPlan(shape->value, store, index);
    }
    return plan;
}

} // namespace

CliShapeWriter::CliShapeWriter(const api::Shape *root)
    : m_root(root)
{
    auto plans = std::make_shared<Plans>();
    buildPlan(root, plans->plans, plans->index);
    m_plans = std::move(plans);
}

const CliShapeWriter::Plan *CliShapeWriter::plan(const api::Shape *shape) const
{
    return shape ? m_plans->index.value(shape) : nullptr;
}

const CliShapeWriter::Plan *CliShapeWriter::memberPlan(const Plan *structure, QByteArrayView name)
{
    if (!structure)
        return nullptr;
    for (size_t i = 0; i < structure->names.size(); ++i) {
        if (QByteArrayView(structure->names[i]) == name)
            return structure->members[i];
    }
    return nullptr;
}

const CliShapeWriter::Plan *CliShapeWriter::elementPlan(const Plan *list)
{
    return list ? list->element : nullptr;
}

char *CliShapeWriter::reserve(qsizetype n)
{
    if (m_size + n > m_out.size()) {
        const qsizetype old = m_out.size();
        m_out.resize(qMax(m_size + n, qMax<qsizetype>(old * 2, 64 * 1024)));
        if (m_out.size() >= 1024 * 1024)
            prefault(m_out.data() + old, m_out.data() + m_out.size());
    }
    return m_out.data() + m_size;
}

void CliShapeWriter::writeBytes(const char *data, qsizetype n)
{
    copyBytes(reserve(n), data, n);
    m_size += n;
}

void CliShapeWriter::append(QByteArrayView bytes)
{
    writeBytes(bytes.data(), bytes.size());
}

QByteArray CliShapeWriter::finish(QByteArrayView suffix)
{
    append(suffix);
    m_out.resize(m_size); // shrinking keeps the allocation
    m_size -= suffix.size();
    return m_out;
}

void CliShapeWriter::newline(int level)
{
    const IndentText &indent = indentText();
    if (level <= indentLevels) {
        writeBytes(indent.constData(), 1 + qsizetype(level) * indentWidth);
        return;
    }
    writeBytes(indent.constData(), 1);
    for (; level > indentLevels; level -= indentLevels)
        writeBytes(indent.constData() + 1, qsizetype(indentLevels) * indentWidth);
    writeBytes(indent.constData() + 1, qsizetype(level) * indentWidth);
}

bool CliShapeWriter::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}

void CliShapeWriter::writeString(const CliWireTape &tape, quint32 node)
{
    const CliWireTape::Node &n = tape.node(node);
    if (!(n.flags & CliWireTape::Escaped)) {
        // Nothing to escape: no control character, quote or backslash is
        // left in a string JSON sent without escapes.
        char *out = reserve(n.length + 2);
        out[0] = '"';
        copyBytes(out + 1, tape.text(node).data(), n.length);
        out[n.length + 1] = '"';
        m_size += n.length + 2;
        return;
    }
    QByteArray text;
    CliPythonJson::appendString(text, tape.string(node));
    append(text);
}

bool CliShapeWriter::writeValue(const CliWireTape &tape, quint32 node, const Plan *plan, int level)
{
    if (!plan)
        return writeRaw(tape, node, level);
    const Type type = tape.node(node).type;
    switch (plan->type) {
    case api::ShapeType::Structure:
        if (type == Type::Null) {
            writeBytes("null", 4);
            return true;
        }
        if (type != Type::Object)
            return fail(u"'%1' object has no attribute 'get' (%2 in the response is not an object)"_s.arg(
                typeName(type), plan->name));
        return writeStructure(tape, node, plan, level);
    case api::ShapeType::List:
        if (type != Type::Array)
            return fail(u"%1 in the response is not a list but %2"_s.arg(plan->name, typeName(type)));
        return writeList(tape, node, plan->element, level);
    case api::ShapeType::Map:
        if (type != Type::Object)
            return fail(u"%1 in the response is not a map but %2"_s.arg(plan->name, typeName(type)));
        return writeDict(tape, node, plan->element, level);
    case api::ShapeType::String:
    case api::ShapeType::Timestamp: // the AWS CLI prints timestamps as sent
    case api::ShapeType::Blob: // and blobs base64-encoded, as sent
        return writeRaw(tape, node, level);
    default:
        return writeScalar(tape, node, plan);
    }
}

bool CliShapeWriter::writeScalar(const CliWireTape &tape, quint32 node, const Plan *plan)
{
    const Type type = tape.node(node).type;
    char number[CliPythonJson::floatReprSize];
    switch (plan->type) {
    case api::ShapeType::Boolean: {
        // botocore's ensure_boolean: a bool as it is, a str by whether it
        // reads "true" in any case, anything else False.
        bool value = type == Type::True;
        if (type == Type::String)
            value = tape.string(node).toLower() == "true";
        if (value)
            writeBytes("true", 4);
        else
            writeBytes("false", 5);
        return true;
    }
    case api::ShapeType::Integer:
    case api::ShapeType::Long: {
        switch (type) {
        case Type::Integer:
            append(CliPythonJson::intRepr(tape.text(node)));
            return true;
        case Type::True:
            writeBytes("1", 1);
            return true;
        case Type::False:
            writeBytes("0", 1);
            return true;
        case Type::Float: {
            const auto whole = CliPythonJson::truncatedRepr(CliPythonJson::toDouble(tape.text(node)));
            if (!whole)
                return fail(u"cannot convert float %1 to integer"_s.arg(QString::fromUtf8(tape.text(node))));
            append(*whole);
            return true;
        }
        case Type::String: {
            const QByteArray text = tape.string(node);
            const auto value = CliPythonJson::intOfString(text);
            if (!value)
                return fail(u"invalid literal for int() with base 10: '%1'"_s.arg(QString::fromUtf8(text)));
            append(*value);
            return true;
        }
        default:
            return fail(u"int() argument must be a string or a number, not '%1'"_s.arg(typeName(type)));
        }
    }
    case api::ShapeType::Float:
    case api::ShapeType::Double: {
        double value = 0;
        switch (type) {
        case Type::Integer:
        case Type::Float:
            value = CliPythonJson::toDouble(tape.text(node));
            if (type == Type::Integer && qIsInf(value))
                return fail(u"int too large to convert to float"_s);
            break;
        case Type::True:
            value = 1;
            break;
        case Type::False:
            value = 0;
            break;
        case Type::String: {
            const QByteArray text = tape.string(node);
            const auto parsed = CliPythonJson::floatOfString(text);
            if (!parsed)
                return fail(u"could not convert string to float: '%1'"_s.arg(QString::fromUtf8(text)));
            value = *parsed;
            break;
        }
        default:
            return fail(
                u"float() argument must be a string or a real number, not '%1'"_s.arg(typeName(type)));
        }
        writeBytes(number, CliPythonJson::floatRepr(value, number));
        return true;
    }
    default:
        return writeRaw(tape, node, 0);
    }
}

bool CliShapeWriter::writeRaw(const CliWireTape &tape, quint32 node, int level)
{
    const CliWireTape::Node &n = tape.node(node);
    switch (n.type) {
    case Type::Null:
        writeBytes("null", 4);
        return true;
    case Type::True:
        writeBytes("true", 4);
        return true;
    case Type::False:
        writeBytes("false", 5);
        return true;
    case Type::Integer:
        append(CliPythonJson::intRepr(tape.text(node)));
        return true;
    case Type::Float: {
        char number[CliPythonJson::floatReprSize];
        writeBytes(number, CliPythonJson::floatRepr(CliPythonJson::toDouble(tape.text(node)), number));
        return true;
    }
    case Type::String:
        writeString(tape, node);
        return true;
    case Type::Array:
        return writeList(tape, node, nullptr, level);
    case Type::Object:
        return writeDict(tape, node, nullptr, level);
    }
    return true;
}

bool CliShapeWriter::writeElements(const CliWireTape &tape, quint32 array, const Plan *element, int level,
    qint64 from, qint64 to, bool *first)
{
    const quint32 end = tape.next(array);
    qint64 index = 0;
    for (quint32 i = CliWireTape::firstChild(array); i < end && index < to; i = tape.next(i), ++index) {
        if (index < from)
            continue;
        if (!*first)
            writeBytes(",", 1);
        *first = false;
        newline(level);
        // botocore keeps a null element as None, whatever the shape.
        if (tape.node(i).type == Type::Null)
            writeBytes("null", 4);
        else if (!writeValue(tape, i, element, level))
            return false;
    }
    return true;
}

bool CliShapeWriter::writeList(const CliWireTape &tape, quint32 node, const Plan *element, int level)
{
    if (tape.node(node).length == 0) {
        writeBytes("[]", 2);
        return true;
    }
    writeBytes("[", 1);
    bool first = true;
    if (!writeElements(tape, node, element, level + 1, 0, tape.node(node).length, &first))
        return false;
    newline(level);
    writeBytes("]", 1);
    return true;
}

bool CliShapeWriter::writeDict(const CliWireTape &tape, quint32 node, const Plan *value, int level)
{
    if (tape.node(node).length == 0) {
        writeBytes("{}", 2);
        return true;
    }
    Entries entries;
    dictEntries(tape, node, &entries);
    writeBytes("{", 1);
    bool first = true;
    for (const auto &[key, item] : entries) {
        if (!first)
            writeBytes(",", 1);
        first = false;
        newline(level + 1);
        writeString(tape, key);
        writeBytes(": ", 2);
        if (value && tape.node(item).type == Type::Null) {
            // _parse_shape(value_shape, None): what each handler makes of None.
            switch (value->type) {
            case api::ShapeType::Boolean:
                writeBytes("false", 5);
                continue;
            case api::ShapeType::List:
            case api::ShapeType::Map:
                return fail(u"'NoneType' object is not iterable (a null value in the map)"_s);
            default:
                break;
            }
        }
        if (!writeValue(tape, item, value, level + 1))
            return false;
    }
    newline(level);
    writeBytes("}", 1);
    return true;
}

bool CliShapeWriter::writeStructure(const CliWireTape &tape, quint32 node, const Plan *plan, int level)
{
    const size_t count = plan->names.size();
    // The value node of each member (the last of a repeated name), 0 when absent.
    QVarLengthArray<quint32, 64> values(qsizetype(count), 0);
    const quint32 end = tape.next(node);
    size_t hint = 0;
    QByteArray decoded;
    for (quint32 i = CliWireTape::firstChild(node); i < end; i = tape.next(i + 1)) {
        QByteArrayView name = tape.text(i);
        if (tape.node(i).flags & CliWireTape::Escaped) {
            decoded = tape.string(i);
            name = decoded;
        }
        // Members mostly come in the same order as the model's: try the one
        // after the last found first.
        size_t found = count;
        if (hint < count && sameName(plan->names[hint], name)) {
            found = hint;
        } else {
            for (size_t k = 0; k < count; ++k) {
                if (sameName(plan->names[k], name)) {
                    found = k;
                    break;
                }
            }
        }
        if (found < count) {
            values[qsizetype(found)] = i + 1;
            hint = found + 1;
        }
    }
    if (plan->isUnion) {
        // botocore's tagged-union check: one member set, besides "__type";
        // a member this model does not know is shown as SDK_UNKNOWN_MEMBER.
        Entries entries;
        dictEntries(tape, node, &entries);
        quint32 tag = 0;
        int set = 0;
        for (const auto &[key, item] : entries) {
            if (tape.stringEquals(key, "__type") || tape.node(item).type == Type::Null)
                continue;
            tag = key;
            ++set;
        }
        if (set != 1) {
            return fail(
                u"Invalid service response: %1 must have one and only one member set."_s.arg(plan->name));
        }
        const QByteArray tagName = tape.string(tag);
        if (std::find(plan->names.begin(), plan->names.end(), tagName) == plan->names.end()) {
            writeBytes("{", 1);
            newline(level + 1);
            append("\"SDK_UNKNOWN_MEMBER\": {");
            newline(level + 2);
            append("\"name\": ");
            writeString(tape, entries.front().first);
            newline(level + 1);
            writeBytes("}", 1);
            newline(level);
            writeBytes("}", 1);
            return true;
        }
    }
    bool first = true;
    for (size_t k = 0; k < count; ++k) {
        const quint32 value = values[qsizetype(k)];
        if (value == 0 || tape.node(value).type == Type::Null)
            continue;
        const QByteArray &key = plan->keys[k];
        if (level + 1 <= indentLevels) {
            // The separator, the newline, the indentation and the key at once.
            const qsizetype indent = 1 + qsizetype(level + 1) * indentWidth;
            char *out = reserve(1 + indent + key.size());
            out[0] = first ? '{' : ',';
            copyBytes(out + 1, indentText().constData(), indent);
            copyBytes(out + 1 + indent, key.constData(), key.size());
            m_size += 1 + indent + key.size();
        } else {
            writeBytes(first ? "{" : ",", 1);
            newline(level + 1);
            writeBytes(key.constData(), key.size());
        }
        first = false;
        if (!writeValue(tape, value, plan->members[k], level + 1))
            return false;
    }
    if (first) {
        writeBytes("{}", 2);
        return true;
    }
    newline(level);
    writeBytes("}", 1);
    return true;
}

} // namespace mgn
