#include "ui/widgets/LifecycleTimeline.h"

#include "models/rules/ConsoleStatus.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace mgn {

using mgn::SourceServer;

namespace {

constexpr int margin = 16;
constexpr int dotRadius = 6;

} // namespace

LifecycleTimeline::LifecycleTimeline(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Lifecycle timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QList<LifecycleTimeline::Milestone> LifecycleTimeline::milestonesOf(const SourceServer &server)
{
    QList<Milestone> list;
    if (!server.lifeCycle)
        return list;
    const auto &lifeCycle = *server.lifeCycle;
    auto add = [&list](const QString &label, const std::optional<qint64> &at,
                   const std::optional<QString> &job = {}) {
        if (at)
            list.append(Milestone { label, *at, job.value_or(QString()) });
    };
    add(tr("Added to service"), lifeCycle.addedToServiceDateTime);
    add(tr("First byte"), lifeCycle.firstByteDateTime);
    auto launch = [&add](const std::optional<mgn::LifeCycleLastLaunch> &last, const QString &kind) {
        if (!last)
            return;
        if (last->initiated)
            add(tr("%1 initiated").arg(kind), last->initiated->apiCallDateTime, last->initiated->jobID);
        if (last->reverted)
            add(tr("%1 reverted").arg(kind), last->reverted->apiCallDateTime);
        if (last->finalized)
            add(tr("%1 finalized").arg(kind), last->finalized->apiCallDateTime);
    };
    launch(lifeCycle.lastTest, tr("Test"));
    launch(lifeCycle.lastCutover, tr("Cutover"));
    std::stable_sort(
        list.begin(), list.end(), [](const Milestone &a, const Milestone &b) { return a.atMs < b.atMs; });
    return list;
}

void LifecycleTimeline::setServer(const std::optional<SourceServer> &server)
{
    m_milestones = server ? milestonesOf(*server) : QList<Milestone>();
    m_state = server ? mgn::ConsoleStatus::lifeCycleLabel(*server) : QString();
    QStringList description;
    for (const auto &milestone : std::as_const(m_milestones))
        description.append(milestone.label);
    setAccessibleDescription(description.join(QStringLiteral(", ")));
    updateGeometry();
    update();
}

QSize LifecycleTimeline::sizeHint() const
{
    return { qMax(480, int(m_milestones.size()) * 140), 150 };
}

QSize LifecycleTimeline::minimumSizeHint() const
{
    return { 240, 150 };
}

void LifecycleTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QFontMetrics metrics(font());
    QFont bold = font();
    bold.setBold(true);

    painter.setPen(pal.color(QPalette::WindowText));
    painter.setFont(bold);
    const QString header
        = m_state.isEmpty() ? tr("No lifecycle reported") : tr("Current state: %1").arg(m_state);
    painter.drawText(QPoint(margin, margin + metrics.ascent()), header);
    if (m_milestones.isEmpty())
        return;

    const int lineY = margin + metrics.height() * 2 + dotRadius;
    const int left = margin + dotRadius;
    const int right = width() - margin - dotRadius;
    painter.setPen(QPen(pal.color(QPalette::Mid), 2));
    painter.drawLine(left, lineY, right, lineY);

    // Even spacing reads better than a time scale when months separate
    // "added" from "cutover" and minutes separate the launch steps.
    const int count = int(m_milestones.size());
    const double step = count > 1 ? double(right - left) / (count - 1) : 0.0;
    for (int i = 0; i < count; ++i) {
        const Milestone &milestone = m_milestones.at(i);
        const int x = count > 1 ? int(left + step * i) : (left + right) / 2;
        const bool last = i == count - 1;
        painter.setPen(Qt::NoPen);
        painter.setBrush(last ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid));
        painter.drawEllipse(QPoint(x, lineY), dotRadius, dotRadius);

        painter.setPen(pal.color(QPalette::WindowText));
        painter.setFont(last ? bold : font());
        const QString when = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(milestone.atMs, Qt::LocalTime), QLocale::ShortFormat);
        QStringList lines { milestone.label, when };
        if (!milestone.jobId.isEmpty())
            lines.append(milestone.jobId);
        const int boxWidth = count > 1 ? qMax(80, int(step) - 4) : 200;
        const QRect box(x - boxWidth / 2, lineY + dotRadius + 4, boxWidth, metrics.height() * 3 + 4);
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, lines.join(u'\n'));
    }
}

} // namespace mgn
