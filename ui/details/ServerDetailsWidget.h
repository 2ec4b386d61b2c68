#pragma once

#include "app/services/LagHistory.h"
#include "models/domain/SourceServer.h"

#include <QTabWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QListWidget;
class QTableWidget;

namespace mgn {

class JobsView;
class LagChartView;
class LifecycleTimeline;

// The detail panes of the selected server: Replication (state in the
// console's wording and colour, progress, ETA, lag, backlog, times, the
// replication error and the initiation steps), Disks (one row per replicated
// disk with a progress bar), Lag (the chart), Server info (identification,
// hardware, network, tags, launched instance).
class ServerDetailsWidget final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerDetailsWidget)

public:
    explicit ServerDetailsWidget(QWidget *parent = nullptr);

    // nullopt: nothing selected (or several servers).
    void setServer(const std::optional<mgn::SourceServer> &server, const QList<LagHistory::Sample> &lag);

    LagChartView *lagChart() const { return m_lagChart; }
    LifecycleTimeline *timeline() const { return m_timeline; }
    JobsView *jobs() const { return m_jobs; }
    QTableWidget *disksTable() const { return m_disks; }
    QListWidget *initiationSteps() const { return m_steps; }
    // The text of a field of the Replication or Server info tab, by label.
    QString fieldText(const QString &label) const;

    // "1.5 GiB": binary units, as the console shows disk sizes.
    static QString formatBytes(qint64 bytes);

private:
    QLabel *field(QFormLayout *form, const QString &label);

    QLabel *m_empty;
    QFormLayout *m_replicationForm;
    QFormLayout *m_infoForm;
    QListWidget *m_steps;
    QTableWidget *m_disks;
    LagChartView *m_lagChart;
    LifecycleTimeline *m_timeline;
    JobsView *m_jobs;
    QHash<QString, QLabel *> m_fields;
};

} // namespace mgn
