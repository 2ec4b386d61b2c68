#include "ui/widgets/LagChartView.h"

#include "ui/Theme.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace mgn {

// With a chart from the start: QChartView(parent) makes one of its own, which
// setChart() would release without deleting (a leak per view).
LagChartView::LagChartView(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_lagAxis(new QValueAxis)
{
    QChart *chart = this->chart();
    chart->legend()->hide();
    chart->setTitle(tr("Replication lag"));
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTitleText(tr("Time"));
    m_lagAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_lagAxis->setMin(0);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_lagAxis, Qt::AlignLeft);
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Replication lag over time"));
    followPalette();
    setSamples({});
}

void LagChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void LagChartView::followPalette()
{
    const QChart::ChartTheme theme
        = Theme::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart()->theme() != theme)
        chart()->setTheme(theme);
    // setTheme() hides the legend again.
    chart()->legend()->hide();
}

void LagChartView::setSamples(const QList<LagHistory::Sample> &samples)
{
    for (QLineSeries *series : std::as_const(m_segments)) {
        chart()->removeSeries(series);
        delete series;
    }
    m_segments.clear();

    qint64 maxLag = 0;
    for (const auto &sample : samples)
        maxLag = std::max(maxLag, sample.lagMs.value_or(0));
    double divisor = 1000.0;
    m_unit = tr("seconds");
    if (maxLag >= 2 * 3600 * 1000) {
        divisor = 3600 * 1000.0;
        m_unit = tr("hours");
    } else if (maxLag >= 2 * 60 * 1000) {
        divisor = 60 * 1000.0;
        m_unit = tr("minutes");
    }
    m_lagAxis->setTitleText(tr("Lag (%1)").arg(m_unit));

    // One series per run of known lags, so an unknown lag is a gap.
    QLineSeries *current = nullptr;
    for (const auto &sample : samples) {
        if (!sample.lagMs) {
            current = nullptr;
            continue;
        }
        if (!current) {
            current = new QLineSeries;
            m_segments.append(current);
        }
        current->append(double(sample.atMs), double(*sample.lagMs) / divisor);
    }
    for (QLineSeries *series : std::as_const(m_segments)) {
        // A single point would not show as a line.
        series->setPointsVisible(series->count() == 1);
        chart()->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_lagAxis);
    }
    if (samples.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTime();
        m_timeAxis->setRange(now.addSecs(-3600), now);
        m_lagAxis->setMax(1);
        return;
    }
    QDateTime first = QDateTime::fromMSecsSinceEpoch(samples.constFirst().atMs);
    QDateTime last = QDateTime::fromMSecsSinceEpoch(samples.constLast().atMs);
    if (first == last)
        first = first.addSecs(-60);
    m_timeAxis->setFormat(
        first.daysTo(last) >= 1 ? QStringLiteral("dd MMM HH:mm") : QStringLiteral("HH:mm:ss"));
    m_timeAxis->setRange(first, last);
    m_lagAxis->setRange(0, std::max(1.0, double(maxLag) / divisor * 1.1));
    m_lagAxis->applyNiceNumbers();
}

int LagChartView::pointCount() const
{
    int count = 0;
    for (const QLineSeries *series : m_segments)
        count += int(series->count());
    return count;
}

} // namespace mgn
