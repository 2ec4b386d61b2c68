#include "app/mgn/MgnConnection.h"
#include "app/services/RefreshService.h"
#include "emulator/http/MgnEmulator.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "tests/support/MainWindowParts.h"
#include "tests/support/WindowTestEnvironment.h"
#include "ui/ActionController.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/details/ServerDetailsWidget.h"

#include <QAction>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace mgn;
using namespace mgn::windowParts;

using namespace Qt::Literals::StringLiterals;

// Renders the main window against the demo emulator: with a selected server,
// each detail tab, and a confirmation dialog. With MGN_SCREENSHOT_DIR set
// (under xvfb-run, see docs/screenshots/README.md) the images are written
// there; otherwise only checked to be rendered.
class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void mainWindowAndTabs();
    void confirmation();
    void darkTheme();

private:
    void keep(const QImage &image, const QString &name);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MgnEmulator> m_emulator;
    std::unique_ptr<MainWindow> m_window;
    QString m_dir;
    int m_row = 0; // the server shown in the main window's picture
};

void TestScreenshots::initTestCase()
{
    isolateWindowState(m_settingsDir.path());
    m_dir = qEnvironmentVariable("MGN_SCREENSHOT_DIR");
    m_emulator = std::make_unique<MgnEmulator>();
    EmulatorOptions options;
    options.servers = 60;
    options.seed = 7;
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->session()->setConnection(MgnConnection::openDirect(
        m_emulator->url(), m_emulator->region(), m_emulator->credentials(), m_window.get()));
    QSignalSpy refreshed(m_window->session()->refreshService(), &RefreshService::finished);
    QVERIFY(refreshed.wait(20000));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestScreenshots::cleanupTestCase()
{
    m_window.reset();
    m_emulator.reset();
}

void TestScreenshots::keep(const QImage &image, const QString &name)
{
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 100);
    // High DPI (QT_SCALE_FACTOR=2 in tst_screenshots_hidpi): drawn at the device's pixel ratio.
    const double scale = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
        ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble()
        : 1.0;
    QCOMPARE(image.devicePixelRatio(), scale);
    if (!m_dir.isEmpty()) {
        QDir().mkpath(m_dir);
        QVERIFY(image.save(m_dir + u'/' + name + u".png"_s));
    }
}

void TestScreenshots::mainWindowAndTabs()
{
    // A server in continuous replication, as the most telling example.
    int row = 0;
    for (int i = 0; i < serverProxy(*m_window)->rowCount(); ++i) {
        const auto source = serverProxy(*m_window)->mapToSource(serverProxy(*m_window)->index(i, 0));
        const mgn::SourceServer *server = serverModel(*m_window)->serverAt(source.row());
        if (server->replicationState() == mgn::DataReplicationState::Continuous && server->lag()) {
            row = i;
            break;
        }
    }
    m_row = row;
    serverView(*m_window)->selectRow(row);
    m_window->session()->refreshService()->refresh(); // a second point on the lag chart
    QSignalSpy refreshed(m_window->session()->refreshService(), &RefreshService::finished);
    QVERIFY(refreshed.wait(20000));
    QTest::qWait(200);
    keep(m_window->grab().toImage(), u"main-window"_s);
    const QStringList names = { u"tab-replication"_s, u"tab-disks"_s, u"tab-lag"_s, u"tab-lifecycle"_s,
        u"tab-server-info"_s, u"tab-jobs"_s };
    for (int tab = 0; tab < details(*m_window)->count() && tab < names.size(); ++tab) {
        details(*m_window)->setCurrentIndex(tab);
        QTest::qWait(100);
        keep(details(*m_window)->grab().toImage(), names.at(tab));
    }
}

void TestScreenshots::confirmation()
{
    QImage shot;
    actions(*m_window)->setConfirm([this, &shot](const QString &title, const QString &text) {
        QMessageBox box(
            QMessageBox::Warning, title, text, QMessageBox::Ok | QMessageBox::Cancel, m_window.get());
        box.setDefaultButton(QMessageBox::Cancel);
        box.show();
        QTest::qWait(100);
        shot = box.grab().toImage();
        return false;
    });
    // Select every server that can be archived, then ask to archive them.
    serverView(*m_window)->clearSelection();
    for (int i = 0; i < serverProxy(*m_window)->rowCount(); ++i) {
        const auto source = serverProxy(*m_window)->mapToSource(serverProxy(*m_window)->index(i, 0));
        if (mgn::ActionRules::evaluate(
                mgn::Action::MarkAsArchived, *serverModel(*m_window)->serverAt(source.row()))
                .allowed)
            serverView(*m_window)->selectionModel()->select(
                serverProxy(*m_window)->index(i, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QAction *archive = actions(*m_window)->action(mgn::Action::MarkAsArchived);
    QVERIFY(archive->isEnabled());
    archive->trigger();
    keep(shot, u"confirmation"_s);
}

void TestScreenshots::darkTheme()
{
    Theme::apply(Theme::Choice::Dark);
    serverView(*m_window)->selectRow(m_row);
    details(*m_window)->setCurrentIndex(2); // the lag chart, which has a theme of its own
    QTest::qWait(200);
    const QImage shot = m_window->grab().toImage();
    keep(shot, u"main-window-dark"_s);
    // Dark indeed: the window's background, away from any text.
    QVERIFY(shot.pixelColor(shot.width() - 4, shot.height() / 2).lightness() < 100);
    Theme::apply(Theme::Choice::System);
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
