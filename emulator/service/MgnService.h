#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

#include <QObject>
#include <QString>

#include <memory>

namespace mgn {

class Clock;
class Fleet;

// The MGN service the emulator plays, without HTTP, on a fleet that lives in
// (accelerated) time, refusing what the documented rules refuse (ActionRules)
// with the errors the real service sends. Requests are routed by the API
// model (OperationRouter) and validated against it (RequestValidation)
// before the operation's handler runs; a modelled operation without a
// handler answers NotEmulatedException. The HTTP layer (EmulatorHttpServer)
// hands it requests whose signature it has verified.
class MgnService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MgnService)

public:
    struct Options final {
        int servers = 50; // generated fleet size
        quint32 seed = 1; // same seed, same fleet
        double speed = 1.0; // simulated seconds per real second
        QString accountId = QStringLiteral("111122223333");
        QString region = QStringLiteral("us-east-1");
        // false: an account where MGN was never initialized; every operation
        // but InitializeService and the tagging ones answers
        // UninitializedAccountException until InitializeService is called.
        bool initialized = true;
    };

    // The clock defaults to Clock::instance(); time moves on by `speed` from
    // the moment of construction.
    explicit MgnService(
        const Options &options, std::shared_ptr<const Clock> clock = {}, QObject *parent = nullptr);
    ~MgnService() override;

    const Options &options() const { return m_options; }

    // Brings the simulation up to now, then answers.
    EmulatorResponse handle(const EmulatorRequest &request);

    // The whole state (fleet, jobs, logs, vCenter clients, tags, simulated
    // time), written atomically (QSaveFile): a kill never leaves a torn file.
    bool save(const QString &path, QString *error) const;
    bool load(const QString &path, QString *error);

    // The state itself, for tests and for the HTTP layer's banner. Read
    // after advance() to see it as of now.
    Fleet &fleet();
    const Fleet &fleet() const;
    // Brings the simulation up to now without a request.
    void advance();

private:
    class Private;
    Options m_options;
    std::unique_ptr<Private> d;
};

} // namespace mgn
