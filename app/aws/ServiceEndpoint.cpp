#include "app/aws/ServiceEndpoint.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mgn {

namespace {

bool isTrue(const QString &value)
{
    return value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

} // namespace

bool ServiceEndpoint::isValidRegionName(const QString &region)
{
    // Also keeps anything but a region name out of the host part of the URL.
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
    return pattern.match(region).hasMatch();
}

std::optional<QUrl> ServiceEndpoint::defaultUrl(const QString &service, const QString &region, bool fips)
{
    if (!isValidRegionName(region))
        return std::nullopt;
    const QString suffix = region.startsWith(QLatin1String("cn-")) ? QStringLiteral("amazonaws.com.cn")
                                                                   : QStringLiteral("amazonaws.com");
    return QUrl(QLatin1String("https://") + service + (fips ? QLatin1String("-fips") : QLatin1String()) + u'.'
        + region + u'.' + suffix);
}

ServiceEndpoint ServiceEndpoint::resolve(const QString &service, const std::optional<QString> &commandLineUrl,
    const QString &region, const QProcessEnvironment &env, const std::optional<AwsProfileData> &profile,
    const AwsConfigFiles &files)
{
    struct Candidate final {
        Source source;
        QString url;
    };
    QList<Candidate> candidates;
    if (commandLineUrl)
        candidates.append({ Source::CommandLine, *commandLineUrl });

    const bool ignoreConfigured = isTrue(env.value(QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))
        || (profile
            && isTrue(profile->value(QStringLiteral("ignore_configured_endpoint_urls")).value_or(QString())));
    if (!ignoreConfigured) {
        const QString serviceVariable
            = QLatin1String("AWS_ENDPOINT_URL_") + service.toUpper().replace(u' ', u'_');
        if (env.contains(serviceVariable))
            candidates.append({ Source::ServiceEnvironment, env.value(serviceVariable) });
        if (env.contains(QStringLiteral("AWS_ENDPOINT_URL")))
            candidates.append({ Source::GlobalEnvironment, env.value(QStringLiteral("AWS_ENDPOINT_URL")) });
        if (profile) {
            if (const auto services = profile->value(QStringLiteral("services"))) {
                const auto settings = files.serviceSettings(*services, service.toLower());
                if (settings.contains(QStringLiteral("endpoint_url")))
                    candidates.append(
                        { Source::ServiceConfig, settings.value(QStringLiteral("endpoint_url")) });
            }
            if (const auto url = profile->value(QStringLiteral("endpoint_url")))
                candidates.append({ Source::ProfileConfig, *url });
        }
    }

    ServiceEndpoint endpoint;
    if (!candidates.isEmpty()) {
        const auto &chosen = candidates.constFirst();
        const QUrl url(chosen.url, QUrl::StrictMode);
        endpoint.source = chosen.source;
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty()) {
            endpoint.error = QCoreApplication::translate("ServiceEndpoint", "Invalid endpoint URL \"%1\"")
                                 .arg(chosen.url);
            return endpoint;
        }
        endpoint.url = url;
        return endpoint;
    }

    const bool fips = isTrue(env.value(QStringLiteral("AWS_USE_FIPS_ENDPOINT")))
        || (profile && isTrue(profile->value(QStringLiteral("use_fips_endpoint")).value_or(QString())));
    endpoint.source = Source::Default;
    if (region.isEmpty()) {
        endpoint.error = QCoreApplication::translate(
            "ServiceEndpoint", "No region: choose one, or set AWS_REGION or \"region\" in the profile");
        return endpoint;
    }
    if (const auto url = defaultUrl(service, region, fips)) {
        endpoint.url = *url;
    } else {
        endpoint.error
            = QCoreApplication::translate("ServiceEndpoint", "\"%1\" is not a region name").arg(region);
    }
    return endpoint;
}

QList<AwsRegion> mgnRegions()
{
    const auto r = [](const char *code, const char *name) {
        return AwsRegion { QLatin1String(code), QCoreApplication::translate("ServiceEndpoint", name) };
    };
    return {
        r("us-east-1", "US East (N. Virginia)"),
        r("us-east-2", "US East (Ohio)"),
        r("us-west-1", "US West (N. California)"),
        r("us-west-2", "US West (Oregon)"),
        r("af-south-1", "Africa (Cape Town)"),
        r("ap-east-1", "Asia Pacific (Hong Kong)"),
        r("ap-south-1", "Asia Pacific (Mumbai)"),
        r("ap-south-2", "Asia Pacific (Hyderabad)"),
        r("ap-northeast-1", "Asia Pacific (Tokyo)"),
        r("ap-northeast-2", "Asia Pacific (Seoul)"),
        r("ap-northeast-3", "Asia Pacific (Osaka)"),
        r("ap-southeast-1", "Asia Pacific (Singapore)"),
        r("ap-southeast-2", "Asia Pacific (Sydney)"),
        r("ap-southeast-3", "Asia Pacific (Jakarta)"),
        r("ap-southeast-4", "Asia Pacific (Melbourne)"),
        r("ca-central-1", "Canada (Central)"),
        r("eu-central-1", "Europe (Frankfurt)"),
        r("eu-central-2", "Europe (Zurich)"),
        r("eu-west-1", "Europe (Ireland)"),
        r("eu-west-2", "Europe (London)"),
        r("eu-west-3", "Europe (Paris)"),
        r("eu-north-1", "Europe (Stockholm)"),
        r("eu-south-1", "Europe (Milan)"),
        r("eu-south-2", "Europe (Spain)"),
        r("il-central-1", "Israel (Tel Aviv)"),
        r("me-south-1", "Middle East (Bahrain)"),
        r("me-central-1", "Middle East (UAE)"),
        r("sa-east-1", "South America (São Paulo)"),
        r("us-gov-east-1", "AWS GovCloud (US-East)"),
        r("us-gov-west-1", "AWS GovCloud (US-West)"),
        r("cn-north-1", "China (Beijing)"),
        r("cn-northwest-1", "China (Ningxia)"),
    };
}

} // namespace mgn
