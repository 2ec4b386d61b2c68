#pragma once

#include <QString>

namespace mgn {

// The names the AWS CLI derives from the API model: botocore's xform_name.
class CliNames final
{
public:
    // "DescribeSourceServers" -> "describe-source-servers", "sourceServerIDs"
    // -> "source-server-ids", "accountID" -> "account-id"; a name that holds
    // the separator already is returned as it is.
    static QString xform(const QString &name, QChar separator = u'-');
};

} // namespace mgn
