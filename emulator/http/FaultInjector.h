#pragma once

#include "emulator/service/EmulatorResponse.h"

#include <QString>

#include <array>
#include <chrono>
#include <optional>
#include <random>

namespace mgn {

// Trouble on demand, for testing clients: per request, with the rates of a
// spec such as "throttle=0.05,error500=0.02,drop=0.01,slow=300ms,malformed=0.01",
// the emulator answers 429 ThrottlingException (with Retry-After), 500
// InternalServerException, closes the connection without answering, or
// answers 200 with a truncated JSON body; `slow` delays every answer.
//
// Decisions come from a PRNG seeded by the caller, one draw per request, so a
// run with the same seed and the same requests sees the same faults.
class FaultInjector final
{
public:
    enum class Fault { None, Drop, Throttle, InternalError, Malformed };
    static constexpr int faultCount = 5;

    struct Spec final {
        // Rates in [0, 1]; together at most 1 (each request gets at most one fault).
        double drop = 0;
        double throttle = 0;
        double error500 = 0;
        double malformed = 0;
        std::chrono::milliseconds slow { 0 };

        bool isEmpty() const
        {
            return drop == 0 && throttle == 0 && error500 == 0 && malformed == 0 && slow.count() == 0;
        }
        // Canonical text, parseable again: "throttle=0.05,slow=300ms".
        QString toString() const;
        bool operator==(const Spec &) const = default;

        // Comma-separated name=value: throttle, error500, drop, malformed take a
        // rate ("0.05" or "5%"); slow a duration ("300ms", "2s", "1.5s"). An
        // empty text is no faults. On failure, a message saying what is wrong.
        static std::optional<Spec> parse(const QString &text, QString *error);
    };

    struct Decision final {
        Fault fault = Fault::None;
        std::chrono::milliseconds delay { 0 };
        bool operator==(const Decision &) const = default;
    };

    FaultInjector(const Spec &spec, quint64 seed);

    const Spec &spec() const { return m_spec; }
    // A running emulator's faults can change: tests turn them on and off.
    void setSpec(const Spec &spec) { m_spec = spec; }
    Decision decide();
    // How many requests got each fault so far.
    int count(Fault fault) const { return m_counts.at(static_cast<std::size_t>(fault)); }

    static QString faultName(Fault fault);
    // What the emulator answers for a fault; `answer` is the service's
    // answer, which a Malformed fault mangles.
    static EmulatorResponse throttlingResponse();
    static EmulatorResponse internalErrorResponse();
    static EmulatorResponse malformedResponse(const EmulatorResponse &answer);

private:
    double nextUniform();

    Spec m_spec;
    std::mt19937_64 m_random;
    std::array<int, faultCount> m_counts {};
};

} // namespace mgn
