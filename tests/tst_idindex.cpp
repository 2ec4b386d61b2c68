#include "models/itemmodels/IdIndex.h"

#include <QHash>
#include <QTest>

#include <random>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::IdIndex;

// IdIndex against QHash, on the model's use of it: lookups, insertions that
// set or keep a value, growth, and hash codes that collide on purpose, which
// the real hash would almost never give a test.
class TestIdIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyIndex();
    void insertAndLookUp();
    void valueRefKeepsAnExistingValue();
    void collidingHashesStayApart_data();
    void collidingHashesStayApart();
    void randomOperationsMatchQHash();
    void transformValues();
    void reserveAndClear();
};

void TestIdIndex::emptyIndex()
{
    const IdIndex index;
    QVERIFY(index.isEmpty());
    QCOMPARE(index.size(), 0);
    QCOMPARE(index.value(u"s-1"_s), -1);
    QCOMPARE(index.value(QString()), -1);
}

void TestIdIndex::insertAndLookUp()
{
    IdIndex index;
    const QString a = u"s-00000000000000001"_s;
    const QString b = u"s-00000000000000002"_s;
    index.insert(IdIndex::hash(a), a, 7);
    index.insert(IdIndex::hash(b), b, 0);
    QCOMPARE(index.size(), 2);
    QCOMPARE(index.value(a), 7);
    QCOMPARE(index.value(b), 0);
    QCOMPARE(index.value(u"s-00000000000000003"_s), -1);
    // Inserting again sets the value.
    index.insert(IdIndex::hash(a), a, 9);
    QCOMPARE(index.size(), 2);
    QCOMPARE(index.value(a), 9);
    // The hash is the same for equal IDs however they are held.
    QCOMPARE(IdIndex::hash(a), IdIndex::hash(QString(a.constData(), a.size())));
}

void TestIdIndex::valueRefKeepsAnExistingValue()
{
    IdIndex index;
    const QString id = u"s-1"_s;
    const std::size_t hash = IdIndex::hash(id);
    int &first = index.valueRef(hash, id, 0);
    QCOMPARE(first, 0);
    first = 5;
    QCOMPARE(index.valueRef(hash, id, 0), 5);
    QCOMPARE(index.size(), 1);
}

void TestIdIndex::collidingHashesStayApart_data()
{
    QTest::addColumn<std::size_t>("hash");
    QTest::newRow("zero") << std::size_t(0);
    QTest::newRow("the last slot") << std::size_t(15);
    QTest::newRow("all ones") << ~std::size_t(0);
}

// Every ID with the same hash code: one run of probes, wrapping around the
// end of the array, through several growths.
void TestIdIndex::collidingHashesStayApart()
{
    QFETCH(std::size_t, hash);
    IdIndex index;
    for (int i = 0; i < 100; ++i)
        index.insert(hash, u"id-%1"_s.arg(i), i);
    QCOMPARE(index.size(), 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(index.value(hash, u"id-%1"_s.arg(i)), i);
    QCOMPARE(index.value(hash, u"id-100"_s), -1);
    // The right ID under another hash code is not found: the code is part of the key.
    QCOMPARE(index.value(hash + 1, u"id-3"_s), -1);
}

void TestIdIndex::randomOperationsMatchQHash()
{
    std::mt19937 random(20261203);
    IdIndex index;
    QHash<QString, int> reference;
    for (int step = 0; step < 20000; ++step) {
        const QString id = u"s-%1"_s.arg(random() % 3000, 17, 10, QLatin1Char('0'));
        const std::size_t hash = IdIndex::hash(id);
        switch (random() % 3) {
        case 0:
            QCOMPARE(index.value(hash, id), reference.value(id, -1));
            break;
        case 1: {
            const int value = int(random() % 100000);
            index.insert(hash, id, value);
            reference.insert(id, value);
            break;
        }
        default: {
            int &value = index.valueRef(hash, id, -2);
            if (!reference.contains(id))
                reference.insert(id, -2);
            int &expected = reference[id];
            QCOMPARE(value, expected);
            value = expected = int(step);
            break;
        }
        }
        QCOMPARE(index.size(), reference.size());
    }
    for (auto it = reference.cbegin(); it != reference.cend(); ++it)
        QCOMPARE(index.value(it.key()), it.value());
}

void TestIdIndex::transformValues()
{
    IdIndex index;
    for (int i = 0; i < 40; ++i) {
        const QString id = QString::number(i);
        index.insert(IdIndex::hash(id), id, i);
    }
    index.transformValues([](int value) { return 1000 - value; });
    for (int i = 0; i < 40; ++i)
        QCOMPARE(index.value(QString::number(i)), 1000 - i);
}

void TestIdIndex::reserveAndClear()
{
    IdIndex index;
    index.reserve(1000);
    for (int i = 0; i < 1000; ++i) {
        const QString id = QString::number(i);
        index.insert(IdIndex::hash(id), id, i);
    }
    index.reserve(10); // never shrinks
    QCOMPARE(index.size(), 1000);
    QCOMPARE(index.value(u"999"_s), 999);
    index.clear();
    QVERIFY(index.isEmpty());
    QCOMPARE(index.value(u"999"_s), -1);
    index.insert(IdIndex::hash(u"a"_s), u"a"_s, 1);
    QCOMPARE(index.value(u"a"_s), 1);
}

QTEST_GUILESS_MAIN(TestIdIndex)
#include "tst_idindex.moc"
