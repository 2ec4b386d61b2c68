#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QToolButton;

namespace mgn {

class SourceServerFilterProxyModel;

// The filter controls above the server table: free text, lifecycle states,
// replication states and type (menus of checkable entries; none checked
// means no filter), active/archived/all, and "needs attention".
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(mgn::SourceServerFilterProxyModel *proxy, QWidget *parent = nullptr);

    QLineEdit *textEdit() const { return m_text; }
    QToolButton *lifeCycleButton() const { return m_lifeCycle; }
    QToolButton *replicationButton() const { return m_replication; }
    QToolButton *typeButton() const { return m_type; }
    QComboBox *archivedCombo() const { return m_archived; }
    QCheckBox *attentionCheck() const { return m_attention; }

private:
    void apply();

    mgn::SourceServerFilterProxyModel *m_proxy;
    QLineEdit *m_text;
    QToolButton *m_lifeCycle;
    QToolButton *m_replication;
    QToolButton *m_type;
    QComboBox *m_archived;
    QCheckBox *m_attention;
};

} // namespace mgn
