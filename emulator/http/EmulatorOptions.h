#pragma once

#include "app/aws/AwsCredentials.h"
#include "emulator/http/FaultInjector.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace mgn {

// The command line of mgn-emulator, and what MgnEmulator::start takes:
//   mgn-emulator --port 0 --servers 50 --seed 1 --speed 60 [--faults SPEC]
//                [--state FILE] [--s3-root DIR] [--access-key-id X --secret-access-key Y
//                [--session-token Z]] [--region us-east-1]
struct EmulatorOptions final {
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    // Fixed, documented, non-secret credentials: the emulator is a local
    // test double, and the README and scripts can show them.
    static constexpr auto demoAccessKeyId = "AKIAMGNEMULATOR00000";
    static constexpr auto demoSecretAccessKey = "mgn-emulator-demo-secret-not-a-real-key0";
    static AwsCredentials demoCredentials();

    Outcome outcome = Outcome::Run;
    QString message; // help text, version text or error, by outcome

    quint16 port = 0; // 0: a free port
    int servers = 50;
    quint32 seed = 1;
    double speed = 60; // simulated seconds per real second
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("111122223333");
    FaultInjector::Spec faults;
    QString statePath; // empty: no persistence
    QString s3Root; // StartExport/StartImport's S3 folder; empty: none
    std::chrono::seconds saveInterval { 30 };
    AwsCredentials credentials = demoCredentials();
    bool verbose = false; // one line per request on stderr
    bool uninitialized = false; // MGN not yet initialized in the account (--uninitialized)

    bool usesDemoCredentials() const { return credentials == demoCredentials(); }

    static EmulatorOptions parse(const QStringList &arguments);
};

} // namespace mgn
