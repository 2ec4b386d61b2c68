#include "models/api/ApiModel.h"
#include "models/api/ParamValidator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mgn::api;

namespace {

// One problem as "path => message", so that a table row reads as botocore's report.
QStringList asText(const QList<ValidationProblem> &problems)
{
    QStringList text;
    for (const ValidationProblem &p : problems)
        text.append(p.path + u" => "_s + p.message);
    return text;
}

QString repeated(const QString &text, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

} // namespace

// ParamValidator on the operations' input shapes of the real model. The rules
// botocore checks give botocore's messages, as validate.py words them
// (checked against botocore 1.43.11); the others are in the same style.
class TestParamValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("document");
        QTest::addColumn<QStringList>("expected");

        const QString sourceServer = u"\"sourceServerID\": \"s-12345678901234567\""_s;

        // Structures: required and unknown members.
        QTest::newRow("required missing")
            << u"CreateApplication"_s << u"{}"_s
            << QStringList { u"name => Missing required parameter in input: \"name\""_s };
        QTest::newRow("required present")
            << u"CreateApplication"_s << u"{\"name\": \"a\"}"_s << QStringList();
        QTest::newRow("several required missing")
            << u"UpdateNetworkMigrationMapperSegment"_s << u"{}"_s
            << QStringList {
                   u"networkMigrationDefinitionID => Missing required parameter in input: \"networkMigrationDefinitionID\""_s,
                   u"networkMigrationExecutionID => Missing required parameter in input: \"networkMigrationExecutionID\""_s,
                   u"segmentID => Missing required parameter in input: \"segmentID\""_s,
               };
        QTest::newRow("unknown member")
            << u"CreateApplication"_s << u"{\"name\": \"a\", \"x\": 1}"_s
            << QStringList {
                   u"x => Unknown parameter in input: \"x\", must be one of: name, description, tags, accountID"_s
               };
        QTest::newRow("nested required in a list")
            << u"UpdateLaunchConfiguration"_s
            << (u"{"_s + sourceServer
                   + u", \"postLaunchActions\": {\"ssmDocuments\": [{\"actionName\": \"a\"}]}}"_s)
            << QStringList {
                   u"postLaunchActions.ssmDocuments[0].ssmDocumentName => Missing required parameter in "
                   u"postLaunchActions.ssmDocuments[0]: \"ssmDocumentName\""_s
               };
        QTest::newRow("nested unknown")
            << u"DescribeJobs"_s << u"{\"filters\": {\"jobID\": []}}"_s
            << QStringList {
                   u"filters.jobID => Unknown parameter in filters: \"jobID\", must be one of: jobIDs, fromDate, toDate"_s
               };

        // Types.
        QTest::newRow("number for a string")
            << u"CreateApplication"_s << u"{\"name\": 5}"_s
            << QStringList {
                   u"name => Invalid type for parameter name, value: 5, type: <class 'int'>, valid types: <class 'str'>"_s
               };
        QTest::newRow("fraction for an integer")
            << u"DescribeJobs"_s << u"{\"maxResults\": 1.5}"_s
            << QStringList { u"maxResults => Invalid type for parameter maxResults, value: 1.5, type: <class "
                             u"'float'>, valid types: <class 'int'>"_s };
        QTest::newRow("text for an integer")
            << u"DescribeJobs"_s << u"{\"maxResults\": \"5\"}"_s
            << QStringList { u"maxResults => Invalid type for parameter maxResults, value: 5, type: <class "
                             u"'str'>, valid types: <class 'int'>"_s };
        QTest::newRow("text for a boolean")
            << u"UpdateLaunchConfiguration"_s << (u"{"_s + sourceServer + u", \"copyTags\": \"true\"}"_s)
            << QStringList {
                   u"copyTags => Invalid type for parameter copyTags, value: true, type: <class 'str'>, "
                   u"valid types: <class 'bool'>"_s
               };
        QTest::newRow("boolean for a long")
            << u"UpdateReplicationConfiguration"_s
            << (u"{"_s + sourceServer + u", \"bandwidthThrottling\": true}"_s)
            << QStringList {
                   u"bandwidthThrottling => Invalid type for parameter bandwidthThrottling, value: True, "
                   u"type: <class 'bool'>, valid types: <class 'int'>"_s
               };
        QTest::newRow("object for a list")
            << u"DescribeJobs"_s << u"{\"filters\": {\"jobIDs\": {\"a\": 1}}}"_s
            << QStringList {
                   u"filters.jobIDs => Invalid type for parameter filters.jobIDs, value: {'a': 1}, type: "
                   u"<class 'dict'>, valid types: <class 'list'>, <class 'tuple'>"_s
               };
        QTest::newRow("list for a structure")
            << u"DescribeJobs"_s << u"{\"filters\": [\"a\"]}"_s
            << QStringList {
                   u"filters => Invalid type for parameter filters, value: ['a'], type: <class 'list'>, "
                   u"valid types: <class 'dict'>"_s
               };
        QTest::newRow("null for a string")
            << u"CreateApplication"_s << u"{\"name\": null}"_s
            << QStringList {
                   u"name => Invalid type for parameter name, value: None, type: <class 'NoneType'>, "
                   u"valid types: <class 'str'>"_s
               };
        QTest::newRow("wrong item in a list")
            << u"DescribeJobs"_s << u"{\"filters\": {\"jobIDs\": [\"mgnjob-12345678901234567\", 3]}}"_s
            << QStringList {
                   u"filters.jobIDs[1] => Invalid type for parameter filters.jobIDs[1], value: 3, type: "
                   u"<class 'int'>, valid types: <class 'str'>"_s
               };
        // Tags are sensitive in the model: their values are not repeated.
        QTest::newRow("wrong value in a sensitive map")
            << u"CreateApplication"_s << u"{\"name\": \"a\", \"tags\": {\"k\": 5}}"_s
            << QStringList { u"tags.k => Invalid type for parameter tags.k, value: <sensitive>, type: <class "
                             u"'int'>, valid types: <class 'str'>"_s };

        // Lengths: strings in code points, lists, maps.
        QTest::newRow("string too short")
            << u"CreateApplication"_s << u"{\"name\": \"\"}"_s
            << QStringList {
                   u"name => Invalid length for parameter name, value: 0, valid min length: 1"_s,
                   u"name => Invalid value for parameter name, value: , valid pattern: [^\\s\\x00]( *[^\\s\\x00])*"_s,
               };
        QTest::newRow("string too long")
            << u"CreateApplication"_s << (u"{\"name\": \""_s + repeated(u"a"_s, 300) + u"\"}"_s)
            << QStringList {
                   u"name => Invalid length for parameter name, value: 300, valid max length: 256"_s
               };
        QTest::newRow("256 emoji fit in 256")
            << u"CreateApplication"_s << (u"{\"name\": \""_s + repeated(u"😀"_s, 256) + u"\"}"_s)
            << QStringList();
        QTest::newRow("257 emoji do not")
            << u"CreateApplication"_s << (u"{\"name\": \""_s + repeated(u"😀"_s, 257) + u"\"}"_s)
            << QStringList {
                   u"name => Invalid length for parameter name, value: 257, valid max length: 256"_s
               };
        QTest::newRow("accented letters count once")
            << u"CreateApplication"_s << (u"{\"name\": \""_s + repeated(u"é"_s, 256) + u"\"}"_s)
            << QStringList();
        QTest::newRow("list too short")
            << u"StartCutover"_s << u"{\"sourceServerIDs\": []}"_s
            << QStringList {
                   u"sourceServerIDs => Invalid length for parameter sourceServerIDs, value: 0, valid min "
                   u"length: 1"_s
               };
        QString manyIds;
        for (int i = 0; i < 201; ++i)
            manyIds += (i ? u","_s : QString()) + u"\"s-12345678901234567\""_s;
        QTest::newRow("list too long")
            << u"StartCutover"_s << (u"{\"sourceServerIDs\": ["_s + manyIds + u"]}"_s)
            << QStringList {
                   u"sourceServerIDs => Invalid length for parameter sourceServerIDs, value: 201, valid "
                   u"max length: 200"_s
               };
        QString manyTags;
        for (int i = 0; i < 51; ++i)
            manyTags += (i ? u","_s : QString()) + u"\"k%1\": \"v\""_s.arg(i);
        QTest::newRow("map too long")
            << u"CreateApplication"_s << (u"{\"name\": \"a\", \"tags\": {"_s + manyTags + u"}}"_s)
            << QStringList {
                   u"tags => Invalid length for parameter tags, value: 51, valid max length: 50"_s
               };
        QTest::newRow("map key too long")
            << u"CreateApplication"_s
            << (u"{\"name\": \"a\", \"tags\": {\""_s + repeated(u"k"_s, 257) + u"\": \"v\"}}"_s)
            << QStringList { u"tags (key: "_s + repeated(u"k"_s, 257)
                   + u") => Invalid length for parameter tags (key: "_s + repeated(u"k"_s, 257)
                   + u"), value: 257, valid max length: 256"_s };
        QTest::newRow("map value too long")
            << u"CreateApplication"_s
            << (u"{\"name\": \"a\", \"tags\": {\"k\": \""_s + repeated(u"v"_s, 257) + u"\"}}"_s)
            << QStringList {
                   u"tags.k => Invalid length for parameter tags.k, value: 257, valid max length: 256"_s
               };

        // Numbers.
        QTest::newRow("below min value")
            << u"DescribeJobs"_s << u"{\"maxResults\": 0}"_s
            << QStringList {
                   u"maxResults => Invalid value for parameter maxResults, value: 0, valid min value: 1"_s
               };
        QTest::newRow("above max value")
            << u"DescribeJobs"_s << u"{\"maxResults\": 1001}"_s
            << QStringList {
                   u"maxResults => Invalid value for parameter maxResults, value: 1001, valid max value: 1000"_s
               };
        QTest::newRow("range bounds included")
            << u"DescribeJobs"_s << u"{\"maxResults\": 1000}"_s << QStringList();
        QTest::newRow("long above max value")
            << u"UpdateReplicationConfiguration"_s
            << (u"{"_s + sourceServer + u", \"bandwidthThrottling\": 10001}"_s)
            << QStringList {
                   u"bandwidthThrottling => Invalid value for parameter bandwidthThrottling, value: 10001, "
                   u"valid max value: 10000"_s
               };
        QTest::newRow("integer beyond 32 bits")
            << u"UpdateLaunchConfiguration"_s
            << (u"{"_s + sourceServer
                   + u", \"postLaunchActions\": {\"ssmDocuments\": [{\"actionName\": \"a\", "
                     u"\"ssmDocumentName\": "
                     u"\"doc\", \"timeoutSeconds\": 3000000000}]}}"_s)
            << QStringList {
                   u"postLaunchActions.ssmDocuments[0].timeoutSeconds => Invalid value for parameter "
                   u"postLaunchActions.ssmDocuments[0].timeoutSeconds, value: 3000000000, valid max value: "
                   u"2147483647"_s
               };

        // Enums.
        QTest::newRow("not in the enum")
            << u"UpdateLaunchConfiguration"_s
            << (u"{"_s + sourceServer + u", \"launchDisposition\": \"RUNNING\"}"_s)
            << QStringList {
                   u"launchDisposition => Invalid value for parameter launchDisposition, value: RUNNING, "
                   u"valid values: STOPPED, STARTED"_s
               };
        QTest::newRow("enum is case-sensitive")
            << u"UpdateLaunchConfiguration"_s
            << (u"{"_s + sourceServer + u", \"launchDisposition\": \"stopped\"}"_s)
            << QStringList {
                   u"launchDisposition => Invalid value for parameter launchDisposition, value: stopped, "
                   u"valid values: STOPPED, STARTED"_s
               };

        // Patterns, not anchored.
        QTest::newRow("pattern not matched")
            << u"UpdateLaunchConfiguration"_s << u"{\"sourceServerID\": \"x-12345678901234567\"}"_s
            << QStringList { u"sourceServerID => Invalid value for parameter sourceServerID, value: "
                             u"x-12345678901234567, valid pattern: s-[0-9a-zA-Z]{17}"_s };
        QTest::newRow("pattern found nowhere in the text")
            << u"UpdateLaunchConfiguration"_s << u"{\"sourceServerID\": \"xs-1234567890123456\"}"_s
            << QStringList { u"sourceServerID => Invalid value for parameter sourceServerID, value: "
                             u"xs-1234567890123456, valid pattern: s-[0-9a-zA-Z]{17}"_s };
        QTest::newRow("unanchored pattern matches a part")
            << u"UpdateLaunchConfiguration"_s << u"{\"sourceServerID\": \"abs-12345678901234567\"}"_s
            << QStringList {
                   u"sourceServerID => Invalid length for parameter sourceServerID, value: 21, valid max "
                   u"length: 19"_s
               };
        QTest::newRow("unanchored pattern matched inside")
            << u"UpdateReplicationConfiguration"_s
            << (u"{"_s + sourceServer + u", \"stagingAreaSubnetId\": \"my-subnet-0123abcd\"}"_s)
            << QStringList();
        QTest::newRow("unanchored pattern not matched")
            << u"UpdateReplicationConfiguration"_s
            << (u"{"_s + sourceServer + u", \"stagingAreaSubnetId\": \"subnet-0123abc\"}"_s)
            << QStringList {
                   u"stagingAreaSubnetId => Invalid value for parameter stagingAreaSubnetId, value: "
                   u"subnet-0123abc, valid pattern: subnet-[0-9a-fA-F]{8,}"_s
               };
        QTest::newRow("blank name fails the pattern")
            << u"CreateApplication"_s << u"{\"name\": \" \"}"_s
            << QStringList {
                   u"name => Invalid value for parameter name, value:  , valid pattern: [^\\s\\x00]( "
                   u"*[^\\s\\x00])*"_s
               };
        QTest::newRow("twelve digits pattern")
            << u"CreateApplication"_s << u"{\"name\": \"a\", \"accountID\": \"abcdefghijkl\"}"_s
            << QStringList {
                   u"accountID => Invalid value for parameter accountID, value: abcdefghijkl, valid "
                   u"pattern: .*[0-9]{12,}.*"_s
               };

        // Unions.
        const QString ssm = u"{"_s + sourceServer
            + u", \"postLaunchActions\": {\"ssmDocuments\": [{\"actionName\": \"a\", \"ssmDocumentName\": "
              u"\"doc\", "
              u"\"externalParameters\": {\"p\": %1}}]}}"_s;
        QTest::newRow("union with one member")
            << u"UpdateLaunchConfiguration"_s << ssm.arg(u"{\"dynamicPath\": \"a.b\"}"_s) << QStringList();
        QTest::newRow("union with none")
            << u"UpdateLaunchConfiguration"_s << ssm.arg(u"{}"_s)
            << QStringList { u"postLaunchActions.ssmDocuments[0].externalParameters.p => Must set one of the "
                             u"following keys for tagged union structure "
                             u"postLaunchActions.ssmDocuments[0].externalParameters.p: dynamicPath."_s };
        QTest::newRow("union with two")
            << u"UpdateLaunchConfiguration"_s << ssm.arg(u"{\"dynamicPath\": \"a\", \"x\": 1}"_s)
            << QStringList {
                   u"postLaunchActions.ssmDocuments[0].externalParameters.p => Invalid number of parameters "
                   u"set "
                   u"for tagged union structure postLaunchActions.ssmDocuments[0].externalParameters.p. Can "
                   u"only "
                   u"set one of the following keys: dynamicPath."_s,
                   u"postLaunchActions.ssmDocuments[0].externalParameters.p.x => Unknown parameter in "
                   u"postLaunchActions.ssmDocuments[0].externalParameters.p: \"x\", must be one of: dynamicPath"_s,
               };

        // Several problems at once, each reported.
        QTest::newRow("every problem reported")
            << u"UpdateLaunchConfiguration"_s
            << u"{\"copyTags\": 1, \"launchDisposition\": \"X\", \"name\": 2, \"y\": 0}"_s
            << QStringList {
                   u"sourceServerID => Missing required parameter in input: \"sourceServerID\""_s,
                   u"y => Unknown parameter in input: \"y\", must be one of: sourceServerID, name, "
                   u"launchDisposition, targetInstanceTypeRightSizingMethod, copyPrivateIp, copyTags, "
                   u"licensing, "
                   u"bootMode, postLaunchActions, enableMapAutoTagging, mapAutoTaggingMpeID, accountID"_s,
                   u"copyTags => Invalid type for parameter copyTags, value: 1, type: <class 'int'>, valid "
                   u"types: "
                   u"<class 'bool'>"_s,
                   u"launchDisposition => Invalid value for parameter launchDisposition, value: X, valid "
                   u"values: "
                   u"STOPPED, STARTED"_s,
                   u"name => Invalid type for parameter name, value: 2, type: <class 'int'>, valid types: "
                   u"<class "
                   u"'str'>"_s,
               };

        // A valid document with a member of every kind.
        QTest::newRow("valid document")
            << u"UpdateLaunchConfiguration"_s
            << (u"{"_s + sourceServer
                   + u", \"name\": \"nom ✓\", \"launchDisposition\": \"STARTED\", \"copyTags\": false, "
                     u"\"licensing\": {\"osByol\": true}, \"postLaunchActions\": {\"deployment\": "
                     u"\"TEST_ONLY\", "
                     u"\"cloudWatchLogGroupName\": \"/aws/x\", \"ssmDocuments\": [{\"actionName\": \"a\", "
                     u"\"ssmDocumentName\": \"AWS-RunShellScript\", \"timeoutSeconds\": 60, \"parameters\": "
                     u"{\"commands\": [{\"parameterName\": \"p\", \"parameterType\": \"STRING\"}]}, "
                     u"\"externalParameters\": {\"q\": {\"dynamicPath\": \"x.y\"}}}]}, "
                     u"\"accountID\": \"123456789012\"}"_s)
            << QStringList();
    }

    void validate()
    {
        QFETCH(QString, operation);
        QFETCH(QString, document);
        QFETCH(QStringList, expected);
        const Operation *op = ApiModel::mgn().operation(operation);
        QVERIFY(op && op->input);
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(document.toUtf8(), &error);
        QVERIFY2(json.isObject(), qPrintable(error.errorString()));
        QCOMPARE(asText(ParamValidator::validate(*op->input, json.object())), expected);
    }

    // Every operation takes the empty document unless it requires members,
    // and then names exactly those.
    void requiredMembersOfEveryOperation()
    {
        for (const Operation &op : ApiModel::mgn().operations()) {
            QStringList expected;
            for (const Member &m : op.input->members) {
                if (m.required)
                    expected.append(m.name);
            }
            QStringList paths;
            for (const ValidationProblem &p : ParamValidator::validate(*op.input, QJsonObject()))
                paths.append(p.path);
            QVERIFY2(paths == expected, qPrintable(op.name));
        }
    }
};

QTEST_GUILESS_MAIN(TestParamValidator)
#include "tst_paramvalidator.moc"
