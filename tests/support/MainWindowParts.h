#pragma once

#include "app/services/DashboardSession.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "ui/ActionController.h"
#include "ui/MainWindow.h"
#include "ui/details/ServerDetailsWidget.h"
#include "ui/widgets/FilterBar.h"

#include <QActionGroup>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

namespace mgn {

// The parts of a MainWindow a test looks at or clicks, found by object name
// as the window names them. A missing part stops the test at once.
namespace windowParts {

template<typename T> T *part(const MainWindow &window, const QString &name = {})
{
    T *found = window.findChild<T *>(name);
    if (!found)
        qFatal("MainWindow has no %s named \"%s\"", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

inline SourceServerTableModel *serverModel(const MainWindow &window)
{
    return window.session()->servers();
}
inline QTableView *serverView(const MainWindow &window)
{
    return part<QTableView>(window, QStringLiteral("serverTable"));
}
inline SourceServerFilterProxyModel *serverProxy(const MainWindow &window)
{
    return qobject_cast<SourceServerFilterProxyModel *>(serverView(window)->model());
}
inline ServerDetailsWidget *details(const MainWindow &window)
{
    return part<ServerDetailsWidget>(window, QStringLiteral("serverDetails"));
}
inline FilterBar *filterBar(const MainWindow &window)
{
    return part<FilterBar>(window, QStringLiteral("filterBar"));
}
inline QLineEdit *filterEdit(const MainWindow &window)
{
    return filterBar(window)->textEdit();
}
inline QComboBox *profileCombo(const MainWindow &window)
{
    return part<QComboBox>(window, QStringLiteral("profilePicker"));
}
inline QComboBox *regionCombo(const MainWindow &window)
{
    return part<QComboBox>(window, QStringLiteral("regionPicker"));
}
inline QComboBox *autoRefreshCombo(const MainWindow &window)
{
    return part<QComboBox>(window, QStringLiteral("autoRefresh"));
}
inline QActionGroup *themeActions(const MainWindow &window)
{
    return part<QActionGroup>(window, QStringLiteral("themeActions"));
}
inline ActionController *actions(const MainWindow &window)
{
    return part<ActionController>(window);
}

} // namespace windowParts

} // namespace mgn
