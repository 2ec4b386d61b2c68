#include "app/Translations.h"
#include "app/aws/AwsError.h"
#include "models/rules/StateCounts.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include <chrono>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

// The English plural forms reach the programs: every message with %n says
// "1 server" and "2 servers", never "server(s)".
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pluralForms_data();
    void pluralForms();
    void everyMessageOfTheFileLoads();
    void inTheirPlace();
};

void TestTranslations::initTestCase()
{
    QVERIFY(Translations::install(QCoreApplication::instance()));
}

void TestTranslations::pluralForms_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *context, const char *source, int n, const QString &expected) {
        QTest::addRow("%s %d", source, n)
            << QString::fromLatin1(context) << QString::fromLatin1(source) << n << expected;
    };
    row("mgn::StateCounts", "%n source server(s)", 1, u"1 source server"_s);
    row("mgn::StateCounts", "%n source server(s)", 0, u"0 source servers"_s);
    row("mgn::StateCounts", "%n source server(s)", 10000, u"10000 source servers"_s);
    row("MainWindow", "%n request(s) in flight", 1, u"1 request in flight"_s);
    row("MainWindow", "Refreshing: %n page(s), %1 servers", 3, u"Refreshing: 3 pages, %1 servers"_s);
    row("MainWindow", "Exported %n server(s) to %1", 1, u"Exported 1 server to %1"_s);
    row("ActionController", "%1 on %n source server(s)?", 1, u"%1 on 1 source server?"_s);
    row("ActionController", "%1: done (%n call(s))", 2, u"%1: done (2 calls)"_s);
    row("AwsError", "Try again in %n second(s).", 1, u"Try again in 1 second."_s);
    row("mgn::ActionRules", "None of the %n selected servers can be deleted", 1,
        u"The selected server cannot be deleted"_s);
    row("mgn::ActionRules", "None of the %n selected servers can be deleted", 4,
        u"None of the 4 selected servers can be deleted"_s);
    row("mgn::ActionRules", "None of the %n selected servers has a cutover to finalize", 1,
        u"The selected server has no cutover to finalize"_s);
}

void TestTranslations::pluralForms()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(QCoreApplication::translate(
                 context.toLatin1().constData(), source.toLatin1().constData(), nullptr, n),
        expected);
}

// Each message of the .ts file is in the compiled resource, with no "(s)" left.
void TestTranslations::everyMessageOfTheFileLoads()
{
    QFile file(QStringLiteral(MGN_TS_FILE));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QXmlStreamReader xml(&file);
    QByteArray context;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "name"_L1) {
            context = xml.readElementText().toUtf8();
        } else if (xml.name() == "source"_L1) {
            const QByteArray source = xml.readElementText().toUtf8();
            for (const int n : { 1, 2 }) {
                const QString shown
                    = QCoreApplication::translate(context.constData(), source.constData(), nullptr, n);
                QVERIFY2(!shown.contains(u"(s)"_s), qPrintable(QString::fromUtf8(context + ": " + source)));
                QVERIFY2(shown.contains(QString::number(n))
                        || (n == 1 && shown.contains(u"the selected server"_s, Qt::CaseInsensitive))
                        || !source.contains("%n"),
                    qPrintable(shown));
            }
            ++messages;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages >= 20);
}

// Where the programs show them: the status bar's tooltip and an error's advice.
void TestTranslations::inTheirPlace()
{
    QVERIFY(mgn::StateCounts().details().startsWith(u"0 source servers"_s));
    AwsError error;
    error.kind = AwsError::Kind::Throttling;
    error.retryAfter = std::chrono::milliseconds(1000);
    QVERIFY2(error.userMessage().contains(u"Try again in 1 second."_s), qPrintable(error.userMessage()));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
