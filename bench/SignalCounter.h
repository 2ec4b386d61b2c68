#pragma once

#include <QAbstractItemModel>
#include <QObject>

namespace mgn {

// Counts the change signals of an item model: what a view or proxy has to
// react to.
class SignalCounter final : public QObject
{
public:
    explicit SignalCounter(QAbstractItemModel *model)
    {
        const auto count = [this] { ++m_count; };
        connect(model, &QAbstractItemModel::dataChanged, this, count);
        connect(model, &QAbstractItemModel::rowsInserted, this, count);
        connect(model, &QAbstractItemModel::rowsRemoved, this, count);
        connect(model, &QAbstractItemModel::rowsMoved, this, count);
        connect(model, &QAbstractItemModel::layoutChanged, this, count);
        connect(model, &QAbstractItemModel::modelReset, this, count);
    }

    int count() const { return m_count; }

private:
    int m_count = 0;
};

} // namespace mgn
