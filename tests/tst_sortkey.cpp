#include "models/itemmodels/SortKey.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::SortKey;

namespace {

int sign(int value)
{
    return (value > 0) - (value < 0);
}

} // namespace

// The abbreviated keys must never change an order: every comparison agrees
// with QString's own, by UTF-16 unit, on texts chosen to end, differ or share
// prefixes around the 16 units the abbreviation holds.
class TestSortKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textsCompareAsQString_data();
    void textsCompareAsQString();
    void randomTextsCompareAsQString();
    void numbers_data();
    void numbers();
    void absentAndEquality();
};

void TestSortKey::textsCompareAsQString_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");

    QTest::newRow("empty, empty") << QString() << QString();
    QTest::newRow("empty, text") << QString() << u"a"_s;
    QTest::newRow("prefix") << u"web"_s << u"web-01"_s;
    QTest::newRow("differ at unit 0") << u"b"_s << u"a"_s;
    QTest::newRow("differ at unit 7") << u"abcdefgh"_s << u"abcdefgz"_s;
    QTest::newRow("differ at unit 8") << u"abcdefghi"_s << u"abcdefgha"_s;
    QTest::newRow("differ at unit 15") << u"0123456789abcdeX"_s << u"0123456789abcdeY"_s;
    QTest::newRow("differ at unit 16") << u"0123456789abcdefB"_s << u"0123456789abcdefA"_s;
    QTest::newRow("equal past 16") << u"s-0123456789abcdef0"_s << u"s-0123456789abcdef0"_s;
    QTest::newRow("prefix past 16") << u"s-0123456789abcdef"_s << u"s-0123456789abcdef0"_s;
    QTest::newRow("NUL against end") << u"ab"_s << QString(u"ab"_s + QChar(u'\0'));
    QTest::newRow("NUL against a unit") << QString(u"ab"_s + QChar(u'\0')) << u"ab\u0001"_s;
    QTest::newRow("Latin-1 high") << u"caf\u00e9"_s << u"cafe"_s;
    QTest::newRow("0xfe against 0xff") << u"x\u00fe"_s << u"x\u00ff"_s;
    QTest::newRow("0xff against 0x100") << u"x\u00ff"_s << u"x\u0100"_s;
    QTest::newRow("two units above Latin-1, same first") << u"x\u0101a"_s << u"x\u0101b"_s;
    QTest::newRow("above Latin-1, differ at once") << u"x\u0102"_s << u"x\u0101zzz"_s;
    QTest::newRow("above Latin-1 against end") << u"x"_s << u"x\u4e2d"_s;
    QTest::newRow("CJK") << u"\u4e2d\u6587"_s << u"\u4e2d\u6587\u5b57"_s;
    QTest::newRow("surrogate pair against BMP") << u"a\U0001F600"_s << u"a\uffff"_s;
    QTest::newRow("case") << u"Web"_s << u"web"_s;
}

void TestSortKey::textsCompareAsQString()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    const SortKey l(left, u"s-1"_s);
    const SortKey r(right, u"s-1"_s);
    const int expected = sign(left.compare(right));
    QCOMPARE(sign(l.compareValue(r)), expected);
    QCOMPARE(sign(r.compareValue(l)), -expected);
    // The same texts as IDs.
    const SortKey li(QVariant(), left);
    const SortKey ri(QVariant(), right);
    QCOMPARE(sign(li.compareId(ri)), expected);
    QCOMPARE(sign(ri.compareId(li)), -expected);
}

// Short texts over a small alphabet that straddles 0xff, so that long shared
// prefixes, the end of the abbreviation and its 0xff mark all come up often.
void TestSortKey::randomTextsCompareAsQString()
{
    const char16_t alphabet[] = { u'\0', u'a', u'b', u'\u00fe', u'\u00ff', u'\u0100', u'\u4e2d' };
    std::mt19937 random(20261203);
    const auto text = [&] {
        QString result(u"0123456789ab"_s.left(int(random() % 13)));
        for (int i = int(random() % 10); i > 0; --i)
            result.append(QChar(alphabet[random() % std::size(alphabet)]));
        return result;
    };
    for (int i = 0; i < 20000; ++i) {
        const QString left = text();
        const QString right = text();
        const int expected = sign(left.compare(right));
        if (sign(SortKey(left, QString()).compareValue(SortKey(right, QString()))) != expected
            || sign(SortKey(QVariant(), left).compareId(SortKey(QVariant(), right))) != expected) {
            QFAIL(qPrintable(u"order differs from QString's: \"%1\" and \"%2\""_s.arg(left, right)));
        }
    }
}

void TestSortKey::numbers_data()
{
    QTest::addColumn<QVariant>("left");
    QTest::addColumn<QVariant>("right");
    QTest::addColumn<int>("expected");

    QTest::newRow("int") << QVariant(2) << QVariant(10) << -1;
    QTest::newRow("int equal") << QVariant(7) << QVariant(7) << 0;
    QTest::newRow("negative") << QVariant(-5) << QVariant(3) << -1;
    QTest::newRow("qint64 past 2^53") << QVariant(qint64(1) << 60) << QVariant((qint64(1) << 60) + 1) << -1;
    QTest::newRow("qint64 dates") << QVariant(qint64(1795000000000)) << QVariant(qint64(1794000000000)) << 1;
    QTest::newRow("double") << QVariant(0.25) << QVariant(0.5) << -1;
    QTest::newRow("double equal") << QVariant(1.0) << QVariant(1.0) << 0;
    QTest::newRow("NaN is no order") << QVariant(std::numeric_limits<double>::quiet_NaN()) << QVariant(1.0)
                                     << 0;
}

void TestSortKey::numbers()
{
    QFETCH(QVariant, left);
    QFETCH(QVariant, right);
    QFETCH(int, expected);
    const SortKey l(left, u"s-1"_s);
    const SortKey r(right, u"s-2"_s);
    QVERIFY(l.isValid());
    QCOMPARE(sign(l.compareValue(r)), expected);
    QCOMPARE(sign(r.compareValue(l)), -expected);
}

void TestSortKey::absentAndEquality()
{
    const SortKey absent(QVariant(), u"s-1"_s);
    QVERIFY(!absent.isValid());
    QVERIFY(!SortKey().isValid());
    QVERIFY(SortKey(QVariant(0), u"s-1"_s).isValid());
    QVERIFY(SortKey(QString(), u"s-1"_s).isValid());
    QVERIFY(absent == SortKey(QVariant(), u"s-1"_s));
    QVERIFY(absent != SortKey(QVariant(), u"s-2"_s));
    QVERIFY(SortKey(QVariant(3), u"s-1"_s) != SortKey(QVariant(4), u"s-1"_s));
    QVERIFY(SortKey(u"abc"_s, u"s-1"_s) == SortKey(u"abc"_s, u"s-1"_s));
    QVERIFY(SortKey(u"abc"_s, u"s-1"_s) != SortKey(u"abd"_s, u"s-1"_s));
    QVERIFY(SortKey(QVariant(3), u"s-1"_s) != SortKey(QVariant(3.0), u"s-1"_s));
    QCOMPARE(absent.compareValue(SortKey(QVariant(), u"s-2"_s)), 0);
}

QTEST_GUILESS_MAIN(TestSortKey)
#include "tst_sortkey.moc"
