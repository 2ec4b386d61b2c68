#pragma once

#include "AwsConfigFiles.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

// Where MGN requests go, resolved the way the AWS CLI resolves a service
// endpoint: --endpoint-url, then AWS_ENDPOINT_URL_MGN, AWS_ENDPOINT_URL, the
// profile's services section (mgn.endpoint_url), the profile's endpoint_url,
// and otherwise the partition's endpoint for the region (FIPS when asked).
struct MgnEndpoint {
    enum class Source { CommandLine, ServiceEnvironment, GlobalEnvironment, ServiceConfig, ProfileConfig, Default };

    QUrl url;
    Source source = Source::Default;
    QString error; // set when no valid endpoint could be made

    static MgnEndpoint resolve(const std::optional<QString> &commandLineUrl, const QString &region,
        const QProcessEnvironment &env, const std::optional<AwsProfileData> &profile,
        const AwsConfigFiles &files);

    // The default endpoint of a region: mgn.{region}.amazonaws.com,
    // .amazonaws.com.cn in China, mgn-fips.{region} with FIPS.
    static std::optional<QUrl> defaultUrl(const QString &region, bool fips);
    static bool isValidRegionName(const QString &region);
};

struct AwsRegion {
    QString code;
    QString name;
};

// The regions where MGN is offered, for the region picker.
QList<AwsRegion> mgnRegions();
