#include "models/api/ApiModel.h"
#include "models/api/PatternSample.h"
#include "models/api/ShapeSample.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mgn::api;

// Every shape of the model gets a sample that the model's own constraints
// accept, checked here by a plain re-statement of them with
// QRegularExpression as the pattern engine.
class TestShapeSample final : public QObject
{
    Q_OBJECT

private:
    static QString check(const Shape &shape, const QJsonValue &value, const QString &path)
    {
        auto length = [](const QString &s) { return s.toUcs4().size(); };
        auto inRange = [&shape](double n) {
            return (!shape.min || n >= *shape.min) && (!shape.max || n <= *shape.max);
        };
        switch (shape.type) {
        case ShapeType::Structure: {
            if (!value.isObject())
                return path + u": not an object"_s;
            const QJsonObject object = value.toObject();
            if (shape.isUnion && object.size() != 1)
                return path + u": a union with %1 members"_s.arg(object.size());
            for (const Member &m : shape.members) {
                if (!object.contains(m.name)) {
                    if (m.required || !shape.isUnion)
                        return path + u'.' + m.name + u": missing"_s;
                    continue;
                }
                const QString problem = check(*m.shape, object.value(m.name), path + u'.' + m.name);
                if (!problem.isEmpty())
                    return problem;
            }
            for (const QString &key : object.keys()) {
                if (!shape.findMember(key))
                    return path + u'.' + key + u": not a member"_s;
            }
            return {};
        }
        case ShapeType::List: {
            const QJsonArray array = value.toArray();
            if (!value.isArray() || !inRange(double(array.size())))
                return path + u": not a list of the right size"_s;
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QString problem = check(*shape.member, array.at(i), path + u"[%1]"_s.arg(i));
                if (!problem.isEmpty())
                    return problem;
            }
            return {};
        }
        case ShapeType::Map: {
            const QJsonObject object = value.toObject();
            if (!value.isObject() || !inRange(double(object.size())))
                return path + u": not a map of the right size"_s;
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                QString problem = check(*shape.key, it.key(), path + u".<key>"_s);
                if (problem.isEmpty())
                    problem = check(*shape.value, it.value(), path + u'.' + it.key());
                if (!problem.isEmpty())
                    return problem;
            }
            return {};
        }
        case ShapeType::String: {
            if (!value.isString())
                return path + u": not a string"_s;
            const QString s = value.toString();
            if (!inRange(double(length(s))))
                return path + u": length %1 out of range"_s.arg(length(s));
            if (!shape.enumValues.isEmpty() && !shape.enumValues.contains(s))
                return path + u": not in the enum"_s;
            if (!shape.pattern.isEmpty() && !QRegularExpression(shape.pattern).match(s).hasMatch())
                return path + u": \"%1\" does not match %2"_s.arg(s, shape.pattern);
            return {};
        }
        case ShapeType::Integer:
        case ShapeType::Long:
            return value.isDouble() && inRange(value.toDouble())
                    && value.toDouble() == qint64(value.toDouble())
                ? QString()
                : path + u": not a whole number in range"_s;
        case ShapeType::Float:
        case ShapeType::Double:
        case ShapeType::Timestamp:
            return value.isDouble() && inRange(value.toDouble()) ? QString()
                                                                 : path + u": not a number in range"_s;
        case ShapeType::Boolean:
            return value.isBool() ? QString() : path + u": not a boolean"_s;
        case ShapeType::Blob:
            return value.isString() ? QString() : path + u": not a string"_s;
        }
        return path + u": unknown type"_s;
    }

private Q_SLOTS:
    void everyShapeIsValid_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<int>("seed");
        QStringList names;
        for (const Operation &op : ApiModel::mgn().operations()) {
            for (const Shape *s : { op.input, op.output }) {
                if (s && !names.contains(s->name))
                    names.append(s->name);
            }
        }
        for (const QString &name : std::as_const(names)) {
            for (int seed : { 0, 1, 2 })
                QTest::addRow("%s/%d", qPrintable(name), seed) << name << seed;
        }
    }

    void everyShapeIsValid()
    {
        QFETCH(QString, shape);
        QFETCH(int, seed);
        const Shape *s = ApiModel::mgn().shape(shape);
        QVERIFY(s);
        const QJsonValue value = ShapeSample::of(*s, seed);
        const QString problem = check(*s, value, shape);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(ShapeSample::of(*s, seed), value);
    }

    void hardPatternsOfTheModel()
    {
        // The hardest patterns of the model (anchors inside alternatives,
        // lookahead, optional groups, an empty alternative), sampled directly.
        int checked = 0;
        const ApiModel &model = ApiModel::mgn();
        for (const QString &name :
            { u"SourceServerID"_s, u"ApplicationName"_s, u"SsmInstanceID"_s, u"KmsKeyArn"_s, u"ScopeTagKey"_s,
                u"Cidr"_s, u"ConnectorArn"_s, u"ISO8601DatetimeString"_s, u"S3Key"_s, u"PhysicalID"_s,
                u"NetworkMigrationMapperSegmentConstructType"_s, u"ActionDescription"_s }) {
            const Shape *s = model.shape(name);
            QVERIFY2(s, qPrintable(name));
            for (int seed : { 0, 1, 2, 3 }) {
                const QString text = ShapeSample::string(*s, seed);
                QVERIFY2(
                    QRegularExpression(s->pattern).match(text).hasMatch(), qPrintable(name + u": "_s + text));
                ++checked;
            }
        }
        QCOMPARE(checked, 48);
    }

    void freeTextCarriesUnicodeAndEscapes()
    {
        const Shape *name = ApiModel::mgn().shape(u"TagValue");
        QVERIFY(name && name->pattern.isEmpty());
        const QString text = ShapeSample::string(*name, 0);
        QVERIFY(text.contains(u'日'));
        QVERIFY(text.contains(u'"'));
        QVERIFY(text.contains(u'\\'));
        const Shape *appName = ApiModel::mgn().shape(u"ApplicationName");
        QVERIFY(ShapeSample::string(*appName, 0).contains(u'é'));
    }

    void seedsVary()
    {
        const Shape *state = ApiModel::mgn().shape(u"LifeCycleState");
        QVERIFY(state && state->enumValues.size() > 1);
        QCOMPARE_NE(ShapeSample::string(*state, 0), ShapeSample::string(*state, 1));
        const Shape *id = ApiModel::mgn().shape(u"SourceServerID");
        QCOMPARE_NE(ShapeSample::string(*id, 0), ShapeSample::string(*id, 1));
    }

    void patternSubset_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("supported");
        QTest::newRow("literal and class") << u"s-[0-9a-zA-Z]{17}"_s << true;
        QTest::newRow("escapes in class") << u"[\\.\\-_/#A-Za-z0-9]+"_s << true;
        QTest::newRow("alternation") << u"(linux|windows)"_s << true;
        QTest::newRow("lookahead") << u"(?!aws:)[a-z]*"_s << true;
        QTest::newRow("hex escape") << u"[^\\x00]{1,4}\\.csv"_s << true;
        QTest::newRow("word boundary") << u"\\bword"_s << false;
        QTest::newRow("dangling quantifier") << u"*a"_s << false;
        QTest::newRow("unclosed group") << u"(ab"_s << false;
    }

    void patternSubset()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, supported);
        const auto text = PatternSample::generate(pattern, 2, 0);
        QCOMPARE(text.has_value(), supported);
        if (supported)
            QVERIFY2(QRegularExpression(pattern).match(*text).hasMatch(), qPrintable(*text));
    }
};

QTEST_GUILESS_MAIN(TestShapeSample)
#include "tst_shapesample.moc"
