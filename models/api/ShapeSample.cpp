#include "models/api/ShapeSample.h"

#include "models/api/PatternSample.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>

#include <limits>

namespace mgn::api {

using namespace Qt::Literals::StringLiterals;

namespace {

// Below this depth a structure gets its required members only, so that a
// shape that (indirectly) contains itself still ends.
constexpr int maxDepth = 16;

qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

bool lengthFits(const Shape &shape, const QString &text)
{
    const qsizetype length = codePoints(text);
    return (!shape.min || length >= *shape.min) && (!shape.max || length <= *shape.max);
}

bool matches(const QString &pattern, const QString &text)
{
    static QMutex mutex;
    static QHash<QString, QRegularExpression> cache;
    const QMutexLocker lock(&mutex);
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(pattern));
    return it->match(text).hasMatch();
}

// Free text: non-ASCII, a quote and a backslash (JSON escapes), cut or padded
// to the shape's length.
QString freeText(const Shape &shape, int seed)
{
    QString text = shape.name + u" ünï日 \"q\" \\ "_s + QString::number(seed);
    const qsizetype max = shape.max ? qsizetype(*shape.max) : 64;
    const qsizetype min = shape.min ? qsizetype(*shape.min) : 0;
    QList<uint> points = text.toUcs4();
    if (points.size() > max)
        points.resize(max);
    while (points.size() < min)
        points.append(u'x');
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()), points.size());
}

QJsonValue sample(const Shape &shape, int seed, int depth);

QJsonObject structure(const Shape &shape, int seed, int depth)
{
    QJsonObject object;
    if (shape.isUnion) {
        if (!shape.members.isEmpty()) {
            const Member &m = shape.members.at(seed % shape.members.size());
            object.insert(m.name, sample(*m.shape, seed, depth + 1));
        }
        return object;
    }
    for (const Member &m : shape.members) {
        if (depth >= maxDepth && !m.required)
            continue;
        object.insert(m.name, sample(*m.shape, seed, depth + 1));
    }
    return object;
}

qsizetype entryCount(const Shape &shape)
{
    qsizetype count = 2;
    if (shape.min)
        count = qMax(count, qsizetype(*shape.min));
    if (shape.max)
        count = qMin(count, qsizetype(*shape.max));
    return count;
}

double bounded(const Shape &shape, double preferred)
{
    double value = preferred;
    if (shape.min)
        value = qMax(value, *shape.min);
    if (shape.max)
        value = qMin(value, *shape.max);
    return value;
}

QJsonValue sample(const Shape &shape, int seed, int depth)
{
    switch (shape.type) {
    case ShapeType::Structure:
        return structure(shape, seed, depth);
    case ShapeType::List: {
        QJsonArray array;
        for (qsizetype i = 0; i < entryCount(shape); ++i)
            array.append(sample(*shape.member, seed + int(i), depth + 1));
        return array;
    }
    case ShapeType::Map: {
        QJsonObject object;
        for (qsizetype i = 0; i < entryCount(shape) * 4 && object.size() < entryCount(shape); ++i)
            object.insert(ShapeSample::string(*shape.key, seed + int(i)),
                sample(*shape.value, seed + int(i), depth + 1));
        return object;
    }
    case ShapeType::String:
        return ShapeSample::string(shape, seed);
    case ShapeType::Integer:
    case ShapeType::Long:
        return bounded(shape, double(7 + 31 * seed));
    case ShapeType::Float:
    case ShapeType::Double:
        return bounded(shape, 12.5 + seed);
    case ShapeType::Boolean:
        return seed % 2 == 0;
    case ShapeType::Timestamp:
        // rest-json's default timestamp format: epoch seconds.
        return 1764806400.25 + seed;
    case ShapeType::Blob:
        return u"bWdu"_s;
    }
    return {};
}

} // namespace

QString ShapeSample::string(const Shape &shape, int seed)
{
    if (!shape.enumValues.isEmpty())
        return shape.enumValues.at(seed % shape.enumValues.size());
    if (shape.pattern.isEmpty())
        return freeText(shape, seed);
    // Repetitions from the usual to none to many, until the pattern and the
    // length limits both hold.
    for (int repetitions : { 3, 1, 0, 2, 6, 12, 24, 60 }) {
        for (int variant = 0; variant < 3; ++variant) {
            const auto text = PatternSample::generate(shape.pattern, repetitions, seed + variant);
            if (text && lengthFits(shape, *text) && matches(shape.pattern, *text))
                return *text;
        }
    }
    qWarning("ShapeSample: no sample for the pattern of %s", qPrintable(shape.name));
    return freeText(shape, seed);
}

QJsonValue ShapeSample::of(const Shape &shape, int seed)
{
    return sample(shape, seed, 0);
}

QJsonObject ShapeSample::input(const Operation &operation, int seed)
{
    return operation.input ? sample(*operation.input, seed, 0).toObject() : QJsonObject();
}

QJsonObject ShapeSample::output(const Operation &operation, int seed)
{
    return operation.output ? sample(*operation.output, seed, 0).toObject() : QJsonObject();
}

} // namespace mgn::api
