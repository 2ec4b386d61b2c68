#pragma once

#include "app/aws/AwsConfigFiles.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace mgn {

// Where a service's requests go (MGN, and STS for assumed roles), resolved the
// way the AWS CLI resolves a service endpoint: --endpoint-url, then
// AWS_ENDPOINT_URL_<SERVICE> (e.g. AWS_ENDPOINT_URL_MGN), AWS_ENDPOINT_URL,
// the profile's services section (<service>.endpoint_url), the profile's
// endpoint_url, and otherwise the partition's endpoint for the region (FIPS
// when asked).
struct ServiceEndpoint final {
    enum class Source {
        CommandLine,
        ServiceEnvironment,
        GlobalEnvironment,
        ServiceConfig,
        ProfileConfig,
        Default
    };

    QUrl url;
    Source source = Source::Default;
    QString error; // set when no valid endpoint could be made

    static ServiceEndpoint resolve(const QString &service, const std::optional<QString> &commandLineUrl,
        const QString &region, const QProcessEnvironment &env, const std::optional<AwsProfileData> &profile,
        const AwsConfigFiles &files);

    // The default endpoint of a region: {service}.{region}.amazonaws.com,
    // .amazonaws.com.cn in China, {service}-fips.{region} with FIPS.
    static std::optional<QUrl> defaultUrl(const QString &service, const QString &region, bool fips);
    static bool isValidRegionName(const QString &region);
};

struct AwsRegion final {
    QString code;
    QString name;
};

// The regions where MGN is offered, for the region picker.
QList<AwsRegion> mgnRegions();

} // namespace mgn
