#include "app/cli/CliPythonText.h"
#include "app/cli/CliTableFormatter.h"
#include "app/cli/CliTextFormatter.h"
#include "app/cli/CliTextWidth.h"
#include "app/cli/CliValue.h"
#include "tests/support/PeerTool.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstdio>

using namespace mgn;
using namespace Qt::Literals::StringLiterals;

// Interop: the AWS CLI's own formatters (awscli/text.py, awscli/formatter.py's
// TableFormatter with awscli/table.py) format the same documents, and ours
// must print the same text, byte for byte. tests/interop/awscli_format.py
// does the AWS CLI's side for every case in one python run. The documents are
// JSON texts that both sides read: Python keeps the members in order and
// reads 1.0 as a float, and so does the reader here.

namespace {

const QString scriptPath = QStringLiteral(MGN_TEST_DATA_DIR "/../interop/awscli_format.py");

// A JSON text as CliValue, as Python's json.loads reads it: members in order,
// a number with a fraction or an exponent a float, any other an integer.
// Only for the test's own well-formed documents.
CliValue parseValue(const QByteArray &text, qsizetype &at);

void skipSpace(const QByteArray &text, qsizetype &at)
{
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t' || text[at] == '\r'))
        ++at;
}

QString parseString(const QByteArray &text, qsizetype &at)
{
    ++at; // the opening quote
    QByteArray utf8;
    QString out;
    const auto flush = [&] {
        out += QString::fromUtf8(utf8);
        utf8.clear();
    };
    while (text[at] != '"') {
        if (text[at] != '\\') {
            utf8 += text[at++];
            continue;
        }
        flush();
        const char escape = text[at + 1];
        at += 2;
        switch (escape) {
        case 'n':
            out += u'\n';
            break;
        case 't':
            out += u'\t';
            break;
        case 'r':
            out += u'\r';
            break;
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'u':
            out += QChar(char16_t(text.mid(at, 4).toUShort(nullptr, 16)));
            at += 4;
            break;
        default: // " \ /
            out += QLatin1Char(escape);
        }
    }
    flush();
    ++at;
    return out;
}

CliValue parseValue(const QByteArray &text, qsizetype &at)
{
    skipSpace(text, at);
    CliValue value;
    const char c = text[at];
    if (c == '{') {
        value.type = CliValue::Type::Object;
        ++at;
        skipSpace(text, at);
        while (text[at] != '}') {
            skipSpace(text, at);
            QString name = parseString(text, at);
            skipSpace(text, at);
            ++at; // :
            value.members.append({ name, parseValue(text, at) });
            skipSpace(text, at);
            if (text[at] == ',')
                ++at;
            skipSpace(text, at);
        }
        ++at;
    } else if (c == '[') {
        value.type = CliValue::Type::List;
        ++at;
        skipSpace(text, at);
        while (text[at] != ']') {
            value.items.append(parseValue(text, at));
            skipSpace(text, at);
            if (text[at] == ',')
                ++at;
            skipSpace(text, at);
        }
        ++at;
    } else if (c == '"') {
        value.type = CliValue::Type::String;
        value.string = parseString(text, at);
    } else if (text.mid(at, 4) == "true" || text.mid(at, 5) == "false") {
        value.type = CliValue::Type::Bool;
        value.boolean = c == 't';
        at += value.boolean ? 4 : 5;
    } else if (text.mid(at, 4) == "null") {
        at += 4;
    } else if (text.mid(at, 3) == "NaN" || text.mid(at, 8) == "Infinity" || text.mid(at, 9) == "-Infinity") {
        // Python's json reads these too.
        value.type = CliValue::Type::Double;
        const bool negative = c == '-';
        value.real = c == 'N' ? qQNaN() : negative ? -qInf() : qInf();
        at += c == 'N' ? 3 : negative ? 9 : 8;
    } else {
        const qsizetype start = at;
        while (at < text.size() && QByteArrayView("+-0123456789.eE").contains(text[at]))
            ++at;
        const QByteArray number = text.mid(start, at - start);
        bool ok = false;
        if (number.contains('.') || number.contains('e') || number.contains('E')) {
            value.type = CliValue::Type::Double;
            value.real = number.toDouble(&ok);
        } else {
            value.type = CliValue::Type::Integer;
            value.integer = number.toLongLong(&ok);
        }
        Q_ASSERT(ok);
    }
    return value;
}

CliValue parseDocument(const QByteArray &text)
{
    qsizetype at = 0;
    return parseValue(text, at);
}

struct FormatCase final {
    QString name;
    QString format; // "text" or "table"
    QString title;
    QByteArray document;
    int width = 80;
    bool awscliRaises = false; // awscli stops with an exception on it
    bool generated = false; // awscli may raise on it or not
};

// A long value: wider than any terminal here.
QByteArray longText()
{
    return QByteArray(
        "Replication of this volume is paused because the staging area subnet has no route to the "
        "replication server; check the route table, the security group and the network ACL of "
        "subnet-0123456789abcdef0 before you resume it.");
}

const QByteArray sourceServer = R"({
    "sourceServerID": "s-1234567890abcdef0",
    "arn": "arn:aws:mgn:us-east-1:123456789012:source-server/s-1234567890abcdef0",
    "isArchived": false,
    "replicationType": "AGENT_BASED",
    "tags": {"Wave": "1", "Owner": "ops"},
    "launchedInstance": {"ec2InstanceID": "i-0abc1234def567890", "firstBoot": "SUCCEEDED", "jobID": "mgnjob-1"},
    "dataReplicationInfo": {
        "dataReplicationState": "CONTINUOUS",
        "lagDuration": "PT0S",
        "lastSnapshotDateTime": "2026-11-30T12:00:00+00:00",
        "etaDateTime": null,
        "dataReplicationInitiation": {
            "startDateTime": "2026-11-29T08:00:00+00:00",
            "steps": [
                {"name": "WAIT", "status": "SUCCEEDED"},
                {"name": "CREATE_SECURITY_GROUP", "status": "SUCCEEDED"},
                {"name": "LAUNCH_REPLICATION_SERVER", "status": "SUCCEEDED"}
            ]
        },
        "replicatedDisks": [
            {"deviceName": "/dev/xvda", "totalStorageBytes": 85899345920, "replicatedStorageBytes": 85899345920,
             "rescannedStorageBytes": 0, "backloggedStorageBytes": 0},
            {"deviceName": "/dev/xvdb", "totalStorageBytes": 1099511627776, "replicatedStorageBytes": 549755813888,
             "rescannedStorageBytes": 0, "backloggedStorageBytes": 1048576}
        ]
    },
    "lifeCycle": {
        "addedToServiceDateTime": "2026-11-29T07:55:00+00:00",
        "elapsedReplicationDuration": "P1DT4H",
        "lastSeenByServiceDateTime": "2026-11-30T12:00:05+00:00",
        "state": "READY_FOR_TEST",
        "lastTest": {"initiated": {"apiCallDateTime": "2026-11-30T10:00:00+00:00", "jobID": "mgnjob-1", "stepFunctionsExecutionArn": ""}}
    },
    "sourceProperties": {
        "lastUpdatedDateTime": "2026-11-30T11:59:00+00:00",
        "recommendedInstanceType": "m5.large",
        "identificationHints": {"fqdn": "db01.corp.example.com", "hostname": "db01", "vmWareUuid": "", "awsInstanceID": ""},
        "networkInterfaces": [{"macAddress": "00:50:56:8a:12:34", "ips": ["10.0.1.15", "fe80::250:56ff:fe8a:1234"], "isPrimary": true}],
        "disks": [{"deviceName": "/dev/sda", "bytes": 85899345920}, {"deviceName": "/dev/sdb", "bytes": 1099511627776}],
        "cpus": [{"cores": 4, "modelName": "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz"}],
        "ramBytes": 17179869184,
        "os": {"fullString": "Ubuntu 22.04.3 LTS"}
    }
})";

const QByteArray job = R"({
    "jobID": "mgnjob-0123456789abcdef0",
    "arn": "arn:aws:mgn:us-east-1:123456789012:job/mgnjob-0123456789abcdef0",
    "type": "LAUNCH",
    "initiatedBy": "START_TEST",
    "creationDateTime": "2026-11-30T10:00:00+00:00",
    "endDateTime": "2026-11-30T10:12:41+00:00",
    "status": "COMPLETED",
    "participatingServers": [
        {"sourceServerID": "s-1234567890abcdef0", "launchStatus": "LAUNCHED", "launchedEc2InstanceID": "i-0abc1234def567890",
         "postLaunchActionsStatus": {"ssmAgentDiscoveryDatetime": "2026-11-30T10:10:00+00:00",
            "postLaunchActionsLaunchStatusList": [
                {"executionID": "exec-1", "executionStatus": "SUCCESS", "ssmDocumentType": "AUTOMATION",
                 "ssmDocument": {"actionName": "Install CloudWatch agent", "ssmDocumentName": "AWS-ConfigureAWSPackage", "timeoutSeconds": 600, "mustSucceedForCutover": true}}
            ]}},
        {"sourceServerID": "s-0fedcba9876543210", "launchStatus": "FAILED"}
    ],
    "tags": {}
})";

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// Random documents from a fixed seed: the same ones on every run. Keys come
// from a small pool, so that the dicts of a list share some keys and not others.
QByteArray randomValue(QRandomGenerator &random, int depth);

QByteArray randomScalar(QRandomGenerator &random)
{
    static const QStringList pieces = { u"a"_s, u"b"_s, u"x"_s, u"Z"_s, u"0"_s, u"7"_s, u" "_s, u"-"_s,
        u"/"_s, u":"_s, u"."_s, u"サ"_s, u"ー"_s, u"ü"_s, u"α"_s, u"Ω"_s, u"é"_s, u"한"_s, u"😀"_s, u"\t"_s,
        u"'"_s, u"\""_s, u"server"_s, u"replication"_s, u"i-0abc1234"_s };
    switch (random.bounded(9)) {
    case 0:
        return "null";
    case 1:
        return random.bounded(2) ? "true" : "false";
    case 2:
        return QByteArray::number(random.bounded(-1000, 100000));
    case 3:
        return QByteArray::number(qint64(random.generate64()));
    case 4: {
        // Written with 17 digits, so that Python reads the same double.
        const double value = random.generateDouble() * std::pow(10.0, random.bounded(-9, 22));
        QByteArray text = QByteArray::number(random.bounded(2) ? value : -value, 'g', 17);
        if (!text.contains('.') && !text.contains('e'))
            text += ".0";
        return text;
    }
    case 5:
        return QByteArray::number(random.bounded(0, 64) / 4.0, 'f', 2);
    default: {
        QString text;
        const int length = random.bounded(0, 48) / (random.bounded(3) + 1);
        for (int i = 0; i < length; ++i)
            text += pieces.at(random.bounded(int(pieces.size())));
        return jsonString(text);
    }
    }
}

QByteArray randomObject(QRandomGenerator &random, int depth)
{
    static const QStringList keys = { u"id"_s, u"name"_s, u"state"_s, u"bytes"_s, u"lag"_s, u"tags"_s,
        u"disks"_s, u"b"_s, u"a"_s, u"Z"_s, u"é"_s, u"サーバー"_s };
    QStringList chosen;
    const int count = random.bounded(0, 6);
    for (int i = 0; i < count; ++i) {
        const QString key = keys.at(random.bounded(int(keys.size())));
        if (!chosen.contains(key))
            chosen.append(key);
    }
    QByteArray text = "{";
    for (const QString &key : std::as_const(chosen)) {
        if (text.size() > 1)
            text += ", ";
        text += jsonString(key) + ": " + randomValue(random, depth + 1);
    }
    return text + "}";
}

QByteArray randomValue(QRandomGenerator &random, int depth)
{
    const int kind = depth >= 3 ? 0 : random.bounded(20);
    if (kind < 10)
        return randomScalar(random);
    if (kind < 14)
        return randomObject(random, depth);
    QByteArray text = "[";
    const int count = random.bounded(0, 4);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += ", ";
        if (kind < 17)
            text += randomObject(random, depth);
        else if (kind < 19)
            text += randomScalar(random);
        else
            text += randomValue(random, depth + 1);
    }
    return text + "]";
}

QList<FormatCase> generatedCases()
{
    QRandomGenerator random(20261203);
    QList<FormatCase> cases;
    const QList<int> widths = { 0, 20, 40, 60, 80, 100, 140, 200 };
    for (int i = 0; i < 150; ++i) {
        const QByteArray document = randomObject(random, 0);
        const int width = widths.at(random.bounded(int(widths.size())));
        const QString name = u"generated "_s + QString::number(i);
        cases.append({ name + u" (text)"_s, u"text"_s, u"Generated"_s, document, 80, false, true });
        cases.append({ name + u" (table, "_s + QString::number(width) + u" columns)"_s, u"table"_s,
            u"Generated"_s, document, width, false, true });
    }
    return cases;
}

QList<FormatCase> formatCases()
{
    struct Document final {
        QString name;
        QByteArray json;
        QList<int> tableWidths = { 80 };
        bool textRaises = false;
        bool tableRaises = false;
        QString title = u"DescribeSourceServers"_s;
    };
    const QByteArray wide
        = R"({"name": "サーバー名", "emoji": "😀 rocket 🚀", "accents": "Ωmega ü é ñ", "greek": "αβγ δ",
        "hangul": "서버", "fullwidth": "ＡＢＣ１２３", "combining": "e\u0301", "zeroWidthJoiner": "👩‍💻"})";
    const QList<Document> documents = {
        { u"flat"_s,
            R"({"sourceServerID": "s-1234567890abcdef0", "isArchived": false, "replicationType": "AGENT_BASED", "lagSeconds": 3})" },
        { u"nested"_s, R"({"z": "last", "a": {"b": {"d": "x", "c": 1}, "e": [1, 2, 3]}, "m": true})" },
        { u"deep nesting"_s, R"({"a": {"b": {"c": {"d": {"e": "f", "g": "h"}}}}, "x": "y"})" },
        { u"list of scalars"_s, R"(["a", "b", "c"])" },
        { u"list of scalars under a key"_s, R"({"ids": ["s-1", "s-2", "s-3"], "count": 3})" },
        { u"list of lists"_s, R"([[1, 2], [3, 4], [5, 6]])" },
        { u"list of lists and a scalar"_s, R"([["a"], "x", ["b"]])" },
        { u"nested lists under a key"_s, R"({"m": [[1, 2], [3, 4]], "n": [[[1, 2]], [[3, 4]]]})" },
        // Sections made without a title: Python's None, measured as "None".
        { u"list of lists of dicts"_s,
            R"({"o": [[{"a": 1}, {"a": 2, "b": [1]}, {"a": 3, "b": [2]}]], "p": "q"})", { 80, 4 } },
        // The widest section is one without a title and without columns.
        { u"untitled section without columns"_s, R"([[{"b": [[]]}, {"b": [[]]}]])", { 80 }, false, false,
            u"T"_s },
        { u"list of objects with differing keys"_s,
            R"({"items": [{"b": 1, "a": "x"}, {"c": true, "a": "y", "n": {"k": "v"}}, {"d": null}]})" },
        { u"top-level list of objects"_s,
            R"([{"b": 1, "a": "x", "n": {"k": [1, 2]}}, {"a": "y", "c": false, "l": [{"z": 1}]}])" },
        { u"empty key"_s, R"({"": {"": "v", "l": [1, 2]}, "x": [{"": 1}], "y": ""})" },
        { u"list of objects with nested lists"_s,
            R"({"servers": [{"id": "s-1", "disks": [{"n": "/dev/a", "b": 1}, {"n": "/dev/b", "b": 2}]}, {"id": "s-2", "disks": []}, {"id": "s-3"}]})" },
        { u"objects with one key"_s, R"({"items": [{"only": 1}, {"only": 2}], "one": {"k": "v"}})" },
        { u"key scalar in one element, nested in another"_s,
            R"({"l": [{"k": 1, "j": "a"}, {"k": {"x": 1}, "j": "b"}]})" },
        { u"repr of nested values"_s,
            R"({"l": [{"k": "s"}, {"k": ["it's", "a\"b", "both ' and \"", "tab\t", "back\\slash", "ü", "\u00a0", "\u200b", "😀", "\u0085", null, 1.5, true, 7, {"x": []}]}]})" },
        { u"empty list"_s, "[]" },
        { u"empty dict"_s, "{}" },
        { u"empty members"_s, R"({"a": {}, "b": [], "c": "", "d": 0})" },
        { u"only empty containers"_s, R"({"a": {}, "b": []})" },
        { u"wide and ambiguous characters"_s, wide, { 80, 40 } },
        { u"wide title"_s, R"({"a": 1, "b": "x"})", { 80 }, false, false, u"ソースサーバー一覧"_s },
        { u"long title"_s, R"({"a": 1})", { 80 }, false, false,
            u"DescribeSourceServersWithAVeryLongTitleIndeed"_s },
        { u"control characters"_s,
            R"({"tab": "a\tb", "newline": "line1\nline2", "bell": "\u0007", "escape": "\u001b[31mred\u001b[0m", "cr": "x\ry"})" },
        { u"long value"_s, "{\"id\": \"s-1\", \"description\": \"" + longText() + "\"}", { 80, 200 } },
        { u"long value in a list of objects"_s,
            "{\"items\": [{\"id\": \"s-1\", \"description\": \"" + longText()
                + "\"}, {\"id\": \"s-2\", \"description\": \"short\"}]}",
            { 80, 300 } },
        { u"many columns"_s,
            R"({"alpha": "aaaaaaaa", "bravo": "bbbbbbbbbb", "charlie": "cccccccccccc", "delta": "dddddddddd", "echo": "eeeeeeee", "foxtrot": "ffffffff"})",
            { 80, 120, 40, 20, 0 } },
        { u"booleans and None"_s, R"({"t": true, "f": false, "n": null, "list": [true, false, null]})" },
        { u"floats"_s,
            R"({"values": [1.0, 1.5, 1e-05, 1e16, 1e+16, 100.0, 0.1, -0.0, 0.0, 1.7976931348623157e308, 5e-324, 123456789.123, 0.0001, 0.00001234, 1e15, 999999999999999.9, 12345678901234567.0, 2.5e-7, -3.14159, 1E3, 0.30000000000000004]})" },
        { u"float scalars in a table"_s, R"({"a": 1.0, "b": 2.5e-7, "c": 1e22, "d": -0.0})" },
        { u"duplicate keys"_s,
            R"({"a": 1, "b": {"x": 1}, "a": {"y": 2}, "b": "now a scalar", "l": [{"k": 1, "k": 2, "j": [1]}, {"j": "s", "j": [2]}]})" },
        { u"non-finite floats"_s,
            R"({"nan": NaN, "inf": Infinity, "negativeInf": -Infinity, "l": [NaN, 1.5]})" },
        { u"big integers"_s,
            R"({"max": 9223372036854775807, "min": -9223372036854775808, "beyondDouble": 9007199254740993, "zero": 0, "negative": -42})" },
        { u"sort by code point"_s, R"({"é": 1, "z": 2, "A": 3, "𝔸": 4, "ｚ": 5, "_": 6, "a": 7, "Z": 8})" },
        { u"identifier with special upper case"_s,
            R"({"straße": {"x": [1, 2], "y": "z"}, "ﬁle": ["a"], "ǆ": {"k": "v"}})" },
        { u"string document"_s, R"("just a string")" },
        { u"integer document"_s, "42" },
        { u"float document"_s, "2.0" },
        { u"null document"_s, "null" },
        { u"true document"_s, "true" },
        { u"zero document"_s, "0" },
        { u"empty string document"_s, R"("")" },
        { u"source server"_s, sourceServer, { 80, 160, 40 } },
        { u"source servers page"_s,
            "{\"items\": [" + sourceServer + ", " + sourceServer + "], \"nextToken\": \"abc\"}" },
        { u"job"_s, job, { 80, 200 }, false, false, u"DescribeJobs"_s },
        // awscli raises on these; the text stops where awscli's did, the
        // table prints nothing.
        { u"list mixing dicts and scalars"_s, R"({"a": "first", "l": [1, {"a": 2}]})", { 80 }, true, false },
        { u"list of dicts with a string"_s, R"({"a": "first", "l": [{"a": 1}, "x"]})", { 80 }, true, true },
        { u"rows of differing lengths"_s, R"([["a", "b"], ["c"]])", { 80 }, false, true },
        { u"a scalar among lists of two"_s, R"({"m": [[1, 2], [3, 4], "x"]})", { 80 }, false, true },
        { u"headers wider than the rows before them"_s, R"(["x", [{"a": 1, "b": 2}]])", { 80 }, false, true },
    };
    QList<FormatCase> cases;
    for (const Document &document : documents) {
        cases.append({ document.name + u" (text)"_s, u"text"_s, document.title, document.json, 80,
            document.textRaises });
        QList<int> tableWidths = document.tableWidths;
        if (document.name == u"flat"_s) {
            // Just as wide as the terminal, and one column wider: only the
            // second is turned into key/value rows.
            const QString wideOpen
                = CliTableFormatter::format(document.title, parseDocument(document.json), 1000);
            const int naturalWidth = int(wideOpen.indexOf(u'\n'));
            tableWidths = { naturalWidth, naturalWidth - 1 };
        }
        for (const int width : std::as_const(tableWidths)) {
            cases.append({ document.name + u" (table, "_s + QString::number(width) + u" columns)"_s,
                u"table"_s, document.title, document.json, width, document.tableRaises });
        }
    }
    return cases + generatedCases();
}

} // namespace

class TestCliOutputFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void floatRepr_data();
    void floatRepr();
    void knownTable();
    void terminalWidthWhenNotATerminal();
    void sameOutputAsAwsCli_data();
    void sameOutputAsAwsCli();
    void sameWidthsAsAwsCli();

private:
    QJsonArray m_outputs;
    QJsonArray m_wideRanges;
    QString m_unicodeVersion;
    QString m_skipReason;
};

void TestCliOutputFormats::initTestCase()
{
    if (qEnvironmentVariableIsSet("MGN_TEST_PRINT_TERMINAL_WIDTH"))
        return; // the child of terminalWidthWhenNotATerminal
    const QString python = testsupport::findPython3();
    if (python.isEmpty()) {
        MGN_PEER_TOOL_REQUIRED_UNDER_CI(
            "python3 is not installed (or set MGN_PYTHON3): cannot run the AWS CLI");
        m_skipReason = u"python3 is not installed"_s;
        return;
    }
    QVERIFY2(QFile::exists(scriptPath), qPrintable(scriptPath));

    // The documents go as they are written, so that floats stay floats.
    QByteArray input = "[";
    const QList<FormatCase> cases = formatCases();
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const FormatCase &formatCase = cases.at(i);
        if (i > 0)
            input += ",\n";
        input += "{\"title\": " + jsonString(formatCase.title) + ", \"format\": "
            + jsonString(formatCase.format) + ", \"width\": " + QByteArray::number(formatCase.width)
            + ", \"document\": " + formatCase.document + "}";
    }
    input += "]";

    QProcess process;
    process.start(python, { scriptPath });
    QVERIFY2(process.waitForStarted(30000), qPrintable(process.errorString()));
    process.write(input);
    process.closeWriteChannel();
    QVERIFY2(process.waitForFinished(120000), "awscli_format.py did not finish");
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 3) {
        MGN_PEER_TOOL_REQUIRED_UNDER_CI("the AWS CLI is not installed for python3 (pip install awscli)");
        m_skipReason = u"the AWS CLI is not installed for python3"_s;
        return;
    }
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(QString::fromUtf8(process.readAllStandardError())));

    QJsonParseError error;
    const QJsonObject answer = QJsonDocument::fromJson(process.readAllStandardOutput(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    m_outputs = answer.value(u"outputs").toArray();
    m_wideRanges = answer.value(u"wide_ranges").toArray();
    m_unicodeVersion = answer.value(u"unidata_version").toString();
    QCOMPARE(m_outputs.size(), cases.size());
    QVERIFY(!m_wideRanges.isEmpty());
    int raised = 0;
    int converted = 0;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject output = m_outputs.at(i).toObject();
        raised += output.value(u"error").isString() ? 1 : 0;
        // Tables that stay wider than their terminal: awscli converts them once, then prints them.
        const QString text = output.value(u"output").toString();
        converted += cases.at(i).format == u"table"_s && text.indexOf(u'\n') > cases.at(i).width ? 1 : 0;
    }
    qInfo("awscli %s, Unicode %s: %d cases, awscli raised on %d, %d tables wider than their terminal",
        qPrintable(answer.value(u"awscli_version").toString()), qPrintable(m_unicodeVersion),
        int(cases.size()), raised, converted);
}

// repr(float) as Python 3 writes it; the interop cases check more.
void TestCliOutputFormats::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole") << 1.0 << u"1.0"_s;
    QTest::newRow("hundred") << 100.0 << u"100.0"_s;
    QTest::newRow("fraction") << 1.5 << u"1.5"_s;
    QTest::newRow("tenth") << 0.1 << u"0.1"_s;
    QTest::newRow("sum of tenths") << 0.1 + 0.2 << u"0.30000000000000004"_s;
    QTest::newRow("1e-4 fixed") << 0.0001 << u"0.0001"_s;
    QTest::newRow("1e-5 exponent") << 1e-05 << u"1e-05"_s;
    QTest::newRow("1e15 fixed") << 1e15 << u"1000000000000000.0"_s;
    QTest::newRow("1e16 exponent") << 1e16 << u"1e+16"_s;
    QTest::newRow("1.5e16") << 1.5e16 << u"1.5e+16"_s;
    QTest::newRow("negative zero") << -0.0 << u"-0.0"_s;
    QTest::newRow("zero") << 0.0 << u"0.0"_s;
    QTest::newRow("max") << 1.7976931348623157e308 << u"1.7976931348623157e+308"_s;
    QTest::newRow("denormal") << 5e-324 << u"5e-324"_s;
    QTest::newRow("negative") << -2.5e-7 << u"-2.5e-07"_s;
    QTest::newRow("sixteen digits") << 1234567890123456.7 << u"1234567890123456.8"_s;
    QTest::newRow("seventeen digits") << 12345678901234567.0 << u"1.2345678901234568e+16"_s;
}

void TestCliOutputFormats::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(CliPythonText::floatRepr(value), expected);
}

// One table written out, so that a reader sees what the interop cases compare.
void TestCliOutputFormats::knownTable()
{
    const CliValue document = parseDocument(R"({"a": 1.0, "b": [{"x": 1, "y": "z"}, {"x": 2}]})");
    QCOMPARE(CliTableFormatter::format(u"T"_s, document),
        u"--------------\n"
        "|      T     |\n"
        "+----+-------+\n"
        "|  a |  1.0  |\n"
        "+----+-------+\n"
        "||     b    ||\n"
        "|+----+-----+|\n"
        "||  x |  y  ||\n"
        "|+----+-----+|\n"
        "||  1 |  z  ||\n"
        "||  2 |     ||\n"
        "|+----+-----+|\n"_s);
    QCOMPARE(CliTextFormatter::format(document), u"1.0\nB\t1\tz\nB\t2\t\n"_s);
}

// awscli's determine_terminal_width: 80 when stdout is not a terminal, as
// under ctest, whatever COLUMNS says.
void TestCliOutputFormats::terminalWidthWhenNotATerminal()
{
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({ u"terminalWidthWhenNotATerminal"_s });
    if (qEnvironmentVariableIsSet("MGN_TEST_PRINT_TERMINAL_WIDTH")) {
        // The child: its stdout is the parent's pipe.
        std::printf("width=%d\n", CliTableFormatter::stdoutTerminalWidth());
        return;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"MGN_TEST_PRINT_TERMINAL_WIDTH"_s, u"1"_s);
    environment.insert(u"COLUMNS"_s, u"33"_s);
    child.setProcessEnvironment(environment);
    child.start();
    QVERIFY(child.waitForFinished(30000));
    QVERIFY2(child.readAllStandardOutput().contains("width=80\n"), "the child's stdout is a pipe");
}

void TestCliOutputFormats::sameOutputAsAwsCli_data()
{
    QTest::addColumn<int>("index");
    const QList<FormatCase> cases = formatCases();
    for (qsizetype i = 0; i < cases.size(); ++i)
        QTest::newRow(qPrintable(cases.at(i).name)) << int(i);
}

void TestCliOutputFormats::sameOutputAsAwsCli()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QFETCH(int, index);
    const FormatCase formatCase = formatCases().at(index);
    const QJsonObject awscli = m_outputs.at(index).toObject();
    const QString error = awscli.value(u"error").toString();
    if (!formatCase.generated) {
        QVERIFY2(error.isEmpty() != formatCase.awscliRaises,
            qPrintable(u"awscli raised: "_s + (error.isEmpty() ? u"nothing"_s : error)));
    }
    const QString expected = !error.isEmpty() && formatCase.format == u"table"_s
        ? QString() // awscli's driver reports the error; stdout has nothing
        : awscli.value(u"output").toString();

    const CliValue document = parseDocument(formatCase.document);
    const QString ours = formatCase.format == u"text"_s
        ? CliTextFormatter::format(document)
        : CliTableFormatter::format(formatCase.title, document, formatCase.width);
    if (ours != expected) {
        qInfo().noquote() << "awscli:\n" << expected << "\nours:\n" << ours;
        const QStringList expectedLines = expected.split(u'\n');
        const QStringList ourLines = ours.split(u'\n');
        for (qsizetype i = 0; i < std::min(expectedLines.size(), ourLines.size()); ++i)
            QCOMPARE(ourLines.at(i), expectedLines.at(i));
    }
    QCOMPARE(ours, expected);
}

// CliTextWidth's table against the unicodedata of the python that runs the
// AWS CLI, for every code point.
void TestCliOutputFormats::sameWidthsAsAwsCli()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    if (m_unicodeVersion != QLatin1StringView(CliTextWidth::unicodeVersion))
        QSKIP(qPrintable(u"the table is from Unicode "_s + QLatin1StringView(CliTextWidth::unicodeVersion)
            + u", this python has "_s + m_unicodeVersion
            + u": regenerate it with tools/gen_east_asian_width.py for that python's AWS CLI"_s));
    char32_t next = 0;
    int wideCount = 0;
    for (const QJsonValue &range : std::as_const(m_wideRanges)) {
        const auto first = char32_t(range.toArray().at(0).toInteger());
        const auto last = char32_t(range.toArray().at(1).toInteger());
        for (; next < first; ++next)
            QVERIFY2(!CliTextWidth::isWide(next), qPrintable(QString::number(uint(next), 16)));
        for (; next <= last; ++next, ++wideCount)
            QVERIFY2(CliTextWidth::isWide(next), qPrintable(QString::number(uint(next), 16)));
    }
    for (; next < 0x110000; ++next)
        QVERIFY2(!CliTextWidth::isWide(next), qPrintable(QString::number(uint(next), 16)));
    QVERIFY(wideCount > 100000); // CJK alone
    QCOMPARE(CliTextWidth::length(u"a😀サ\tü"_s), 1 + 2 + 2 + 1 + 2);
}

QTEST_GUILESS_MAIN(TestCliOutputFormats)
#include "tst_clioutputformats.moc"
