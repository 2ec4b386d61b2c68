#include "models/itemmodels/SourceServerTableModel.h"
#include "models/itemmodels/TableExport.h"
#include "tests/support/ServerBuilder.h"

#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

class TestTableExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_data();
    void field();
    void wholeModel();
};

void TestTableExport::field_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("csv");
    QTest::newRow("plain") << u"web-01"_s << u"web-01"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a, b"_s << u"\"a, b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("line break") << u"a\nb"_s << u"\"a\nb\""_s;
    QTest::newRow("formula") << u"=HYPERLINK(\"x\")"_s << u"\"'=HYPERLINK(\"\"x\"\")\""_s;
    QTest::newRow("minus") << u"-1"_s << u"'-1"_s;
    QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
}

void TestTableExport::field()
{
    QFETCH(QString, text);
    QFETCH(QString, csv);
    QCOMPARE(mgn::TableExport::csvField(text), csv);
}

void TestTableExport::wholeModel()
{
    mgn::SourceServerTableModel model;
    model.merge({ ServerBuilder(u"s-1"_s).hostname(u"web-01"_s),
        ServerBuilder(u"s-2"_s).hostname(u"db, primary"_s) });
    const QList<QByteArray> lines = mgn::TableExport::csv(model).split('\n');
    QCOMPARE(lines.size(), 4); // header, two rows, the empty rest after the last CRLF
    QVERIFY(lines.at(0).startsWith("Source server name,Alerts,Migration lifecycle,"));
    QVERIFY(lines.at(0).endsWith("\r"));
    QVERIFY(lines.at(1).startsWith("web-01,"));
    QVERIFY(lines.at(2).startsWith("\"db, primary\","));
    QCOMPARE(lines.at(1).count(','), mgn::SourceServerTableModel::ColumnCount - 1);
}

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
