#pragma once

#include "app/aws/AwsCredentials.h"
#include "app/aws/Clock.h"
#include "emulator/http/EmulatorOptions.h"
#include "emulator/http/FaultInjector.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QTimer;

namespace mgn {

class EmulatorHttpServer;
class MgnService;

// The emulator in one object: MgnService behind EmulatorHttpServer with SigV4
// verification and the faults asked for, on 127.0.0.1. Used by mgn-emulator,
// by `mgn-dashboard --demo` (in-process, on a free port) and by tests.
//
// With a state file, start() loads it when it exists (else writes it at once,
// so that an unwritable path fails at start, not an hour later), saves every
// saveInterval and on stop() or destruction.
class MgnEmulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MgnEmulator)

public:
    explicit MgnEmulator(QObject *parent = nullptr);
    ~MgnEmulator() override;

    // Before start(): the clock of the service, the signature check and the
    // Date header (Clock::instance() otherwise).
    void setClock(std::shared_ptr<const Clock> clock) { m_clock = std::move(clock); }
    // Before start(): another clock for the simulation only (the fleet's
    // time), e.g. one a test moves on at will while clients sign with the
    // real time.
    void setServiceClock(std::shared_ptr<const Clock> clock) { m_serviceClock = std::move(clock); }

    bool start(const EmulatorOptions &options, QString *error);
    // Saves the state (when there is a state file) and closes the server.
    void stop();
    bool isRunning() const;

    const EmulatorOptions &options() const { return m_options; }
    // http://127.0.0.1:<port>
    QUrl url() const;
    AwsCredentials credentials() const { return m_options.credentials; }
    QString region() const { return m_options.region; }
    // Whether start() restored the fleet from the state file.
    bool restoredState() const { return m_restoredState; }

    MgnService *service() const { return m_service.get(); }
    EmulatorHttpServer *server() const { return m_server.get(); }
    FaultInjector *faultInjector() const { return m_faults.get(); }
    // The faults of a running emulator from now on (an empty spec: none).
    void setFaults(const FaultInjector::Spec &spec);

    bool saveState(QString *error);

    // The lines mgn-emulator prints on start: where it listens and the
    // environment for the AWS CLI. The secret is only printed when it is the
    // documented demo one.
    QStringList startupLines() const;

Q_SIGNALS:
    void stateSaveFailed(const QString &error);

private:
    EmulatorOptions m_options;
    std::shared_ptr<const Clock> m_clock;
    std::shared_ptr<const Clock> m_serviceClock;
    std::unique_ptr<MgnService> m_service;
    std::shared_ptr<FaultInjector> m_faults;
    std::unique_ptr<EmulatorHttpServer> m_server; // after the service: destroyed before it
    QTimer *m_saveTimer = nullptr;
    bool m_restoredState = false;
};

} // namespace mgn
