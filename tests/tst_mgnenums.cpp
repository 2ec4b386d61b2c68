#include "models/domain/MgnEnums.h"
#include "models/domain/SourceServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mgn;

// The generated enumerations must match the API model exactly: every enum
// shape, every value, in the model's order.
class TestMgnEnums : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyModelEnumIsGenerated_data();
    void everyModelEnumIsGenerated();
    void noExtraEnums();
    void knownValueRoundTrips();
    void unknownValueKeepsRawText();
    void comparison();

private:
    QJsonObject m_shapes;
    QHash<QString, QStringList> m_generated;
};

void TestMgnEnums::initTestCase()
{
    QFile file(QStringLiteral(MGN_API_MODEL_DIR "/service-2.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_shapes = QJsonDocument::fromJson(file.readAll()).object().value(u"shapes").toObject();
    QVERIFY(!m_shapes.isEmpty());
    const auto shapes = allEnumShapes();
    for (const auto &info : shapes) {
        QStringList names;
        for (const auto &name : info.wireNames)
            names << QString(name);
        m_generated.insert(QString(info.shapeName), names);
    }
}

void TestMgnEnums::everyModelEnumIsGenerated_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QStringList>("values");
    for (auto it = m_shapes.begin(); it != m_shapes.end(); ++it) {
        const auto shape = it.value().toObject();
        if (!shape.contains(u"enum"))
            continue;
        QStringList values;
        const auto array = shape.value(u"enum").toArray();
        for (const auto &v : array)
            values << v.toString();
        QTest::newRow(qPrintable(it.key())) << it.key() << values;
    }
}

void TestMgnEnums::everyModelEnumIsGenerated()
{
    QFETCH(QString, shape);
    QFETCH(QStringList, values);
    QVERIFY2(m_generated.contains(shape), qPrintable(shape + u" is missing: run tools/gen_enums.py"));
    QCOMPARE(m_generated.value(shape), values);
}

void TestMgnEnums::noExtraEnums()
{
    int modelEnums = 0;
    for (auto it = m_shapes.begin(); it != m_shapes.end(); ++it)
        modelEnums += it.value().toObject().contains(u"enum") ? 1 : 0;
    QCOMPARE(m_generated.size(), modelEnums);
}

void TestMgnEnums::knownValueRoundTrips()
{
    const auto state = EnumValue<LifeCycleState>::fromWire(u"READY_FOR_CUTOVER");
    QVERIFY(state.isKnown());
    QCOMPARE(state.value(), LifeCycleState::ReadyForCutover);
    QCOMPARE(state.toWire(), QStringLiteral("READY_FOR_CUTOVER"));
    QVERIFY(state.unknownText().isEmpty());

    const auto volume = EnumValue<VolumeType>::fromWire(u"io2");
    QCOMPARE(volume.value(), VolumeType::Io2);
    QCOMPARE(volume.toWire(), QStringLiteral("io2"));

    const auto reason = EnumValue<ValidationExceptionReason>::fromWire(u"fieldValidationFailed");
    QCOMPARE(reason.value(), ValidationExceptionReason::FieldValidationFailed);

    // FirstBoot has a wire value UNKNOWN: it is a known value, not Unrecognized.
    const auto boot = EnumValue<FirstBoot>::fromWire(u"UNKNOWN");
    QVERIFY(boot.isKnown());
    QCOMPARE(boot.value(), FirstBoot::Unknown);
}

void TestMgnEnums::unknownValueKeepsRawText()
{
    const auto state = EnumValue<DataReplicationState>::fromWire(u"QUANTUM_ENTANGLED");
    QVERIFY(!state.isKnown());
    QCOMPARE(state.value(), DataReplicationState::Unrecognized);
    QCOMPARE(state.unknownText(), QStringLiteral("QUANTUM_ENTANGLED"));
    QCOMPARE(state.toWire(), QStringLiteral("QUANTUM_ENTANGLED"));

    // Matching is exact: the service's spelling is case-sensitive.
    QVERIFY(!EnumValue<LifeCycleState>::fromWire(u"ready_for_test").isKnown());
    QVERIFY(!EnumValue<LifeCycleState>::fromWire(u"").isKnown());
}

void TestMgnEnums::comparison()
{
    QVERIFY(EnumValue<JobStatus>(JobStatus::Started) == JobStatus::Started);
    QVERIFY(EnumValue<JobStatus>::fromWire(u"NEW_A") != EnumValue<JobStatus>::fromWire(u"NEW_B"));
    QVERIFY(EnumValue<JobStatus>::fromWire(u"NEW_A") == EnumValue<JobStatus>::fromWire(u"NEW_A"));
    QCOMPARE(EnumValue<JobStatus>::wireName(JobStatus::Completed), QLatin1String("COMPLETED"));
    QVERIFY(EnumValue<JobStatus>::wireName(JobStatus::Unrecognized).isEmpty());
}

QTEST_GUILESS_MAIN(TestMgnEnums)
#include "tst_mgnenums.moc"
