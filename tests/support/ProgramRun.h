#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

namespace mgn {

// A program of the build run as a user runs it, while this test's event loop
// goes on: the server it talks to may live in the test's process.
struct ProgramRun final {
    bool finished = false; // false: it did not end in time and was killed
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    // The environment of this process without what would change what the
    // program logs or which account it uses (AWS_*, QT_LOGGING_*,
    // QT_MESSAGE_PATTERN, the user's ~/.config/QtProject/qtlogging.ini),
    // plus `extra`.
    static QProcessEnvironment environment(const QString &home, const QProcessEnvironment &extra = {})
    {
        using namespace Qt::Literals::StringLiterals;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QStringList keys = env.keys();
        for (const QString &key : keys) {
            if (key.startsWith("AWS_"_L1) || key.startsWith("QT_LOGGING_"_L1)
                || key == "QT_MESSAGE_PATTERN"_L1)
                env.remove(key);
        }
        env.insert(u"HOME"_s, home);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
        env.insert(extra);
        return env;
    }

    static ProgramRun run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &env, int timeoutMs = 60000)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        ProgramRun result;
        result.finished = process.waitForStarted()
            && QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
        if (!result.finished) {
            process.kill();
            process.waitForFinished();
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
};

} // namespace mgn
