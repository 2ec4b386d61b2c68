#pragma once

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace mgn {

// What every test of the main window starts with: QStandardPaths in test
// mode, its cache (where the lag history persists) emptied so that no run
// sees an earlier run's points, and QSettings (the window layout) in
// `settingsDir`, a directory of this run.
inline void isolateWindowState(const QString &settingsDir)
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).removeRecursively();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir);
}

} // namespace mgn
