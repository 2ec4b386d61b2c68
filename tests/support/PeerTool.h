#pragma once

#include <QByteArray>
#include <QStandardPaths>
#include <QString>
#include <QTest>

// Interop tests run peer tools: python3 with botocore and boto3, the AWS CLI.
// On a developer's machine a missing tool skips the test that needs it; under
// CI (the environment variable CI set, as CI services and .ci/run do) it fails
// it, so that a lost install step cannot turn the interop tests into silent
// skips. Every such test goes through the macros below.

namespace mgn::testsupport {

// CI is set to anything but "", "0" or "false".
inline bool peerToolsRequired()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != "0" && ci != "false";
}

// The python3 that runs tests/interop/*.py: $MGN_PYTHON3, else python3 on the
// PATH; empty when there is none.
inline QString findPython3()
{
    using namespace Qt::Literals::StringLiterals;
    const QString configured = qEnvironmentVariable("MGN_PYTHON3");
    return configured.isEmpty() ? QStandardPaths::findExecutable(u"python3"_s) : configured;
}

} // namespace mgn::testsupport

// A peer tool that a test can do without is missing: under CI the test fails
// (CI installs every tool), elsewhere it goes on. `reason` is a string literal
// naming the tool and how to install it.
#define MGN_PEER_TOOL_REQUIRED_UNDER_CI(reason)                                                              \
    do {                                                                                                     \
        if (mgn::testsupport::peerToolsRequired())                                                           \
            QFAIL("CI is set, so a missing peer tool fails the test: " reason);                              \
    } while (false)

// A peer tool that the test needs is missing: QFAIL under CI, QSKIP elsewhere.
#define MGN_PEER_TOOL_MISSING(reason)                                                                        \
    do {                                                                                                     \
        MGN_PEER_TOOL_REQUIRED_UNDER_CI(reason);                                                             \
        QSKIP(reason);                                                                                       \
    } while (false)
