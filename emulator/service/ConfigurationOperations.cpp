#include "emulator/service/ConfigurationOperations.h"

#include "emulator/service/ImportExportOperations.h"
#include "emulator/service/LaunchConfigurationOperations.h"
#include "emulator/service/PostLaunchActionOperations.h"
#include "emulator/service/ReplicationConfigurationOperations.h"
#include "emulator/service/TemplateOperations.h"

#include <QHash>

namespace mgn {

ConfigurationOperations::Handler ConfigurationOperations::find(const QByteArray &path)
{
    static const QHash<QByteArray, Handler> handlers {
        { "/GetLaunchConfiguration", &LaunchConfigurationOperations::get },
        { "/UpdateLaunchConfiguration", &LaunchConfigurationOperations::update },
        { "/GetReplicationConfiguration", &ReplicationConfigurationOperations::get },
        { "/UpdateReplicationConfiguration", &ReplicationConfigurationOperations::update },
        { "/CreateReplicationConfigurationTemplate", &TemplateOperations::createReplicationTemplate },
        { "/UpdateReplicationConfigurationTemplate", &TemplateOperations::updateReplicationTemplate },
        { "/DeleteReplicationConfigurationTemplate", &TemplateOperations::deleteReplicationTemplate },
        { "/DescribeReplicationConfigurationTemplates", &TemplateOperations::describeReplicationTemplates },
        { "/CreateLaunchConfigurationTemplate", &TemplateOperations::createLaunchTemplate },
        { "/UpdateLaunchConfigurationTemplate", &TemplateOperations::updateLaunchTemplate },
        { "/DeleteLaunchConfigurationTemplate", &TemplateOperations::deleteLaunchTemplate },
        { "/DescribeLaunchConfigurationTemplates", &TemplateOperations::describeLaunchTemplates },
        { "/PutSourceServerAction", &PostLaunchActionOperations::putSourceServerAction },
        { "/RemoveSourceServerAction", &PostLaunchActionOperations::removeSourceServerAction },
        { "/ListSourceServerActions", &PostLaunchActionOperations::listSourceServerActions },
        { "/PutTemplateAction", &PostLaunchActionOperations::putTemplateAction },
        { "/RemoveTemplateAction", &PostLaunchActionOperations::removeTemplateAction },
        { "/ListTemplateActions", &PostLaunchActionOperations::listTemplateActions },
        { "/StartExport", &ImportExportOperations::startExport },
        { "/ListExports", &ImportExportOperations::listExports },
        { "/ListExportErrors", &ImportExportOperations::listExportErrors },
        { "/StartImport", &ImportExportOperations::startImport },
        { "/ListImports", &ImportExportOperations::listImports },
        { "/ListImportErrors", &ImportExportOperations::listImportErrors },
    };
    return handlers.value(path, nullptr);
}

} // namespace mgn
