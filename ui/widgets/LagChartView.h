#pragma once

#include "app/services/LagHistory.h"

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace mgn {

// Replication lag of one server over time (Qt Charts): time on the x axis,
// lag on the y axis in the unit that suits its range (s, min or h). Unknown
// lag is a gap in the line, not a zero. Light or dark as the palette is.
class LagChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagChartView)

public:
    explicit LagChartView(QWidget *parent = nullptr);

    void setSamples(const QList<LagHistory::Sample> &samples);
    // Points drawn (known lags), for tests.
    int pointCount() const;
    QString unitName() const { return m_unit; }

protected:
    // The chart's own theme follows the application's palette (light or dark).
    void changeEvent(QEvent *event) override;

private:
    void followPalette();

    QList<QLineSeries *> m_segments;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_lagAxis;
    QString m_unit;
};

} // namespace mgn
