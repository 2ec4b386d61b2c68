#include "ui/widgets/FilterBar.h"

#include "models/itemmodels/SourceServerFilterProxyModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace mgn {

using mgn::SourceServerFilterProxyModel;

namespace {

// A drop-down of checkable entries, one per enumerator (Unrecognized last,
// as "Other"), each carrying its enumerator's value.
template<typename E> QToolButton *enumButton(const QString &title, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(title);
    button->setAccessibleName(title);
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    const auto &names = mgn::EnumTraits<E>::wireNames;
    for (std::size_t i = 0; i < names.size(); ++i) {
        QAction *action = menu->addAction(QString(names[i]));
        action->setCheckable(true);
        action->setData(int(i + 1));
    }
    QAction *other = menu->addAction(FilterBar::tr("Other or none"));
    other->setCheckable(true);
    other->setData(0);
    button->setMenu(menu);
    return button;
}

template<typename E> QList<E> checkedValues(const QToolButton *button)
{
    QList<E> values;
    for (const QAction *action : button->menu()->actions()) {
        if (action->isChecked())
            values.append(E(action->data().toInt()));
    }
    return values;
}

// "Lifecycle (2)" when two entries are checked.
void showCount(QToolButton *button, const QString &title, qsizetype count)
{
    button->setText(count == 0 ? title : FilterBar::tr("%1 (%2)").arg(title).arg(count));
}

} // namespace

FilterBar::FilterBar(SourceServerFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_text(new QLineEdit)
    , m_lifeCycle(enumButton<mgn::LifeCycleState>(tr("Lifecycle"), this))
    , m_replication(enumButton<mgn::DataReplicationState>(tr("Replication"), this))
    , m_type(enumButton<mgn::ReplicationType>(tr("Type"), this))
    , m_archived(new QComboBox)
    , m_attention(new QCheckBox(tr("Needs attention")))
{
    m_text->setPlaceholderText(tr("Filter by hostname, FQDN, ID, tag or IP address"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter source servers"));
    m_archived->addItem(tr("Active servers"), int(SourceServerFilterProxyModel::ArchivedView::Active));
    m_archived->addItem(tr("Archived servers"), int(SourceServerFilterProxyModel::ArchivedView::Archived));
    m_archived->addItem(tr("All servers"), int(SourceServerFilterProxyModel::ArchivedView::All));
    m_archived->setAccessibleName(tr("Archived view"));
    m_attention->setToolTip(tr("Only servers that are stalled, lagging or report a replication error"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_lifeCycle);
    layout->addWidget(m_replication);
    layout->addWidget(m_type);
    layout->addWidget(m_archived);
    layout->addWidget(m_attention);

    connect(m_text, &QLineEdit::textChanged, m_proxy, &SourceServerFilterProxyModel::setFilterText);
    for (QToolButton *button : { m_lifeCycle, m_replication, m_type })
        connect(button->menu(), &QMenu::triggered, this, &FilterBar::apply);
    connect(m_archived, &QComboBox::currentIndexChanged, this, &FilterBar::apply);
    connect(m_attention, &QCheckBox::toggled, this, &FilterBar::apply);
}

void FilterBar::apply()
{
    const auto lifeCycles = checkedValues<mgn::LifeCycleState>(m_lifeCycle);
    const auto replications = checkedValues<mgn::DataReplicationState>(m_replication);
    const auto types = checkedValues<mgn::ReplicationType>(m_type);
    m_proxy->setLifeCycleStates(lifeCycles);
    m_proxy->setReplicationStates(replications);
    m_proxy->setReplicationTypes(types);
    m_proxy->setArchivedView(SourceServerFilterProxyModel::ArchivedView(m_archived->currentData().toInt()));
    m_proxy->setNeedsAttentionOnly(m_attention->isChecked());
    showCount(m_lifeCycle, tr("Lifecycle"), lifeCycles.size());
    showCount(m_replication, tr("Replication"), replications.size());
    showCount(m_type, tr("Type"), types.size());
}

} // namespace mgn
