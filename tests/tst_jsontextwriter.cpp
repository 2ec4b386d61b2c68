#include "models/codec/PageCodec.h"
#include "models/codec/SourceServerCodec.h"
#include "models/json/JsonTextWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mgn;

// JsonTextWriter writes what QJsonDocument::toJson writes, byte for byte: the
// emulator's pages and mgnctl's output depend on it. The servers the emulator
// generates are checked the same way in tst_emulatorfleet (writtenAsQJson).

using namespace Qt::Literals::StringLiterals;
using mgn::JsonTextWriter;
using mgn::SourceServer;
using mgn::SourceServerCodec;

namespace {

QByteArray viaQJson(const SourceServer &server, QJsonDocument::JsonFormat format)
{
    return QJsonDocument(SourceServerCodec::encode(server)).toJson(format);
}

QByteArray viaWriter(const SourceServer &server, JsonTextWriter::Format format)
{
    QByteArray text;
    JsonTextWriter writer(text, format);
    SourceServerCodec::write(writer, server);
    return text;
}

QByteArray readTestData(const QString &relativePath)
{
    QFile file(QStringLiteral(MGN_TEST_DATA_DIR "/") + relativePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SourceServer fullServer()
{
    return SourceServerCodec::decode(
        QJsonDocument::fromJson(readTestData(u"codec/source-server-full.json"_s)).object())
        .value.value_or(SourceServer());
}

// The servers of a recorded DescribeSourceServers page that decode.
QList<SourceServer> recordedServers()
{
    return SourceServerCodec::decodePage(readTestData(u"codec/describe-source-servers-mixed.json"_s)).items;
}

} // namespace

class TestJsonTextWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMemberOfAServer();
    void textThatNeedsEscaping_data();
    void textThatNeedsEscaping();
    void emptyContainers();
    void recordedServers();
    void pageEnvelope();
};

void TestJsonTextWriter::everyMemberOfAServer()
{
    const SourceServer server = fullServer();
    QVERIFY(
        server.connectorAction && server.sourceProperties && server.lifeCycle && server.dataReplicationInfo);
    QCOMPARE(viaWriter(server, JsonTextWriter::Format::Compact), viaQJson(server, QJsonDocument::Compact));
    QCOMPARE(viaWriter(server, JsonTextWriter::Format::Indented), viaQJson(server, QJsonDocument::Indented));
}

void TestJsonTextWriter::textThatNeedsEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes and backslash") << u"a \"quoted\" C:\\path"_s;
    QTest::newRow("control characters") << QString::fromLatin1("tab\there\nline\r\b\f\x01\x1f end");
    QTest::newRow("latin-1 and bmp") << u"caf\u00e9 \u20ac \u65e5\u672c"_s;
    QTest::newRow("astral") << QString::fromUtf8("\xF0\x9F\x98\x80 ok");
    QTest::newRow("lone high surrogate") << (u"a"_s + QChar(0xd83d) + u"b"_s);
    QTest::newRow("lone low surrogate at the end") << (u"a"_s + QChar(0xde00));
    QTest::newRow("slash and del") << QString::fromLatin1("a/b\x7f");
    QTest::newRow("empty") << QString();
}

void TestJsonTextWriter::textThatNeedsEscaping()
{
    QFETCH(QString, text);
    SourceServer server;
    server.sourceServerID = text;
    server.tags = mgn::Tags { { text, text }, { u"\u00e9"_s, u"x"_s }, { u"Z"_s, text },
        { QString(QChar(0xe000)), text }, { QString::fromUtf8("\xF0\x9F\x98\x80"), text } };
    server.replicationType = mgn::EnumValue<mgn::ReplicationType>::fromWire(QString(text + u"_NEW"_s));
    QCOMPARE(viaWriter(server, JsonTextWriter::Format::Compact), viaQJson(server, QJsonDocument::Compact));
    QCOMPARE(viaWriter(server, JsonTextWriter::Format::Indented), viaQJson(server, QJsonDocument::Indented));
}

void TestJsonTextWriter::emptyContainers()
{
    SourceServer server;
    server.tags = mgn::Tags();
    server.sourceProperties.emplace();
    server.sourceProperties->networkInterfaces.emplace();
    server.sourceProperties->disks = QList<mgn::Disk> { mgn::Disk() };
    server.lifeCycle.emplace();
    QCOMPARE(viaWriter(server, JsonTextWriter::Format::Compact), viaQJson(server, QJsonDocument::Compact));
    QCOMPARE(viaWriter(server, JsonTextWriter::Format::Indented), viaQJson(server, QJsonDocument::Indented));
    QCOMPARE(viaWriter(SourceServer(), JsonTextWriter::Format::Indented), QByteArray("{\n}\n"));
    QCOMPARE(viaWriter(SourceServer(), JsonTextWriter::Format::Compact), QByteArray("{}"));
}

void TestJsonTextWriter::recordedServers()
{
    const QList<SourceServer> servers = ::recordedServers();
    QCOMPARE(servers.size(), 3);
    for (const SourceServer &server : servers) {
        QCOMPARE(
            viaWriter(server, JsonTextWriter::Format::Compact), viaQJson(server, QJsonDocument::Compact));
        QCOMPARE(
            viaWriter(server, JsonTextWriter::Format::Indented), viaQJson(server, QJsonDocument::Indented));
    }
}

void TestJsonTextWriter::pageEnvelope()
{
    const QList<SourceServer> servers = ::recordedServers() << fullServer();

    for (const auto &items : { servers, QList<SourceServer>() }) {
        for (const auto format : { JsonTextWriter::Format::Compact, JsonTextWriter::Format::Indented }) {
            QByteArray text;
            JsonTextWriter writer(text, format);
            writer.beginObject();
            writer.key("items"_L1);
            writer.beginArray();
            for (const SourceServer &server : items)
                SourceServerCodec::write(writer, server);
            writer.endArray();
            writer.key("nextToken"_L1);
            writer.value(u"token"_s);
            writer.endObject();
            const QJsonObject document = SourceServerCodec::encodePage(items, u"token"_s);
            QCOMPARE(text,
                QJsonDocument(document).toJson(format == JsonTextWriter::Format::Compact
                        ? QJsonDocument::Compact
                        : QJsonDocument::Indented));
        }
    }
}

QTEST_GUILESS_MAIN(TestJsonTextWriter)
#include "tst_jsontextwriter.moc"
