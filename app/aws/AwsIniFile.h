#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace mgn {

// The INI dialect of ~/.aws/config and ~/.aws/credentials, parsed the way the
// AWS CLI (botocore over Python's RawConfigParser) does: '#' and ';' comment
// lines, '=' or ':' between key and value, key names lowercased, indented
// lines continuing the previous value, and a value that starts on the next,
// indented lines forming one level of nested keys (e.g. "s3 =\n  x = y").
// Anything else is an error naming the file, the line and the problem.
struct AwsIniSection final {
    QString name;
    int line = 0;
    QMap<QString, QString> values;
    QMap<QString, QMap<QString, QString>> nested;
};

struct AwsIniError final {
    QString file;
    int line = 0;
    QString problem;

    QString toString() const;
};

struct AwsIniFile final {
    QString fileName;
    QList<AwsIniSection> sections;
    std::optional<AwsIniError> error; // set when the file is malformed

    const AwsIniSection *section(const QString &name) const;

    static AwsIniFile parse(const QByteArray &content, const QString &fileName);
};

} // namespace mgn
