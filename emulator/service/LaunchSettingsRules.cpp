#include "emulator/service/LaunchSettingsRules.h"

#include "emulator/service/ConfigurationSupport.h"

#include <QJsonArray>
#include <QSet>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

std::optional<EmulatorResponse> LaunchSettingsRules::check(const QJsonObject &settings)
{
    if (settings.value("enableMapAutoTagging"_L1).toBool()
        && settings.value("mapAutoTaggingMpeID"_L1).toString().isEmpty())
        return ConfigurationSupport::invalid(u"mapAutoTaggingMpeID"_s,
            u"Member must be set when enableMapAutoTagging is true (the MPE ID of the migration agreement)"_s,
            u"null"_s);
    if (settings.value("enableParametersEncryption"_L1).toBool()
        && settings.value("parametersEncryptionKey"_L1).toString().isEmpty())
        return ConfigurationSupport::invalid(u"parametersEncryptionKey"_s,
            u"Member must be set when enableParametersEncryption is true"_s, u"null"_s);
    const QJsonArray documents
        = settings.value("postLaunchActions"_L1).toObject().value("ssmDocuments"_L1).toArray();
    QSet<QString> names;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const QString name = documents.at(i).toObject().value("actionName"_L1).toString();
        if (names.contains(name))
            return ConfigurationSupport::invalid(u"postLaunchActions.ssmDocuments[%1].actionName"_s.arg(i),
                u"Member must be unique among the SSM documents"_s, u'\'' + name + u'\'');
        names.insert(name);
    }
    return std::nullopt;
}

} // namespace mgn
