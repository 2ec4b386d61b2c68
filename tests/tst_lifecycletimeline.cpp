#include "tests/support/ServerBuilder.h"
#include "ui/widgets/LifecycleTimeline.h"

#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using Milestone = LifecycleTimeline::Milestone;

class TestLifecycleTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void milestonesInTimeOrder();
    void nothingReported();
    void paints();
};

namespace {

mgn::SourceServer cutOverServer()
{
    mgn::SourceServer server = ServerBuilder(u"s-1"_s).lifeCycle(mgn::LifeCycleState::Cutover);
    auto &lc = *server.lifeCycle;
    lc.addedToServiceDateTime = 1000;
    lc.firstByteDateTime = 2000;
    lc.lastTest.emplace();
    lc.lastTest->initiated = mgn::LifeCycleLastInitiated { 3000, u"mgnjob-test"_s };
    lc.lastTest->finalized = mgn::LifeCycleApiCall { 4000 };
    lc.lastCutover.emplace();
    lc.lastCutover->initiated = mgn::LifeCycleLastInitiated { 5000, u"mgnjob-cut"_s };
    lc.lastCutover->finalized = mgn::LifeCycleApiCall { 6000 };
    lc.lastTest->reverted = mgn::LifeCycleApiCall { 3500 };
    return server;
}

} // namespace

void TestLifecycleTimeline::milestonesInTimeOrder()
{
    const QList<Milestone> expected = { { u"Added to service"_s, 1000, {} }, { u"First byte"_s, 2000, {} },
        { u"Test initiated"_s, 3000, u"mgnjob-test"_s }, { u"Test reverted"_s, 3500, {} },
        { u"Test finalized"_s, 4000, {} }, { u"Cutover initiated"_s, 5000, u"mgnjob-cut"_s },
        { u"Cutover finalized"_s, 6000, {} } };
    QCOMPARE(LifecycleTimeline::milestonesOf(cutOverServer()), expected);
    LifecycleTimeline timeline;
    timeline.setServer(cutOverServer());
    QCOMPARE(timeline.currentState(), u"Cutover complete"_s);
    QCOMPARE(timeline.milestones().size(), 7);
}

void TestLifecycleTimeline::nothingReported()
{
    LifecycleTimeline timeline;
    timeline.setServer(mgn::SourceServer(ServerBuilder(u"s-1"_s)));
    QVERIFY(timeline.milestones().isEmpty());
    timeline.setServer(std::nullopt);
    QVERIFY(timeline.currentState().isEmpty());
}

void TestLifecycleTimeline::paints()
{
    LifecycleTimeline timeline;
    timeline.setServer(cutOverServer());
    timeline.resize(timeline.sizeHint());
    const QImage image = timeline.grab().toImage();
    QVERIFY(!image.isNull());
    // Something was drawn besides the background.
    const QRgb background = image.pixel(0, 0);
    int different = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            different += image.pixel(x, y) != background ? 1 : 0;
    }
    QVERIFY(different > 100);
}

QTEST_MAIN(TestLifecycleTimeline)
#include "tst_lifecycletimeline.moc"
