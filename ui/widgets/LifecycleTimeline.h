#pragma once

#include "models/domain/SourceServer.h"

#include <QWidget>

#include <optional>

namespace mgn {

// The migration lifecycle of one server as a painted timeline: added to the
// service, first byte, last test initiated / reverted / finalized, last
// cutover initiated / reverted / finalized, in time order, with the job IDs
// of launches, and the current lifecycle state highlighted.
class LifecycleTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecycleTimeline)

public:
    struct Milestone final {
        QString label;
        qint64 atMs = 0;
        QString jobId; // for launches

        bool operator==(const Milestone &) const = default;
    };

    explicit LifecycleTimeline(QWidget *parent = nullptr);

    void setServer(const std::optional<mgn::SourceServer> &server);
    const QList<Milestone> &milestones() const { return m_milestones; }
    QString currentState() const { return m_state; }

    // The milestones the API reports for a server, oldest first.
    static QList<Milestone> milestonesOf(const mgn::SourceServer &server);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Milestone> m_milestones;
    QString m_state;
};

} // namespace mgn
