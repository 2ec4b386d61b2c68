#include "emulator/http/FaultInjector.h"

#include <QStringList>

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr std::chrono::milliseconds maxSlow { 10 * 60 * 1000 };

std::optional<double> parseRate(const QString &name, QString value, QString *error)
{
    const bool percent = value.endsWith(u'%');
    if (percent)
        value.chop(1);
    bool ok = false;
    double rate = value.trimmed().toDouble(&ok);
    if (ok && percent)
        rate /= 100;
    if (!ok || !std::isfinite(rate) || rate < 0 || rate > 1) {
        *error = u"%1: expected a rate between 0 and 1 (or 0%-100%), got \"%2\""_s.arg(
            name, QString(value + (percent ? u"%"_s : QString())));
        return std::nullopt;
    }
    return rate;
}

std::optional<std::chrono::milliseconds> parseDuration(
    const QString &name, const QString &value, QString *error)
{
    const QString text = value.trimmed();
    double factor = 0;
    QString number;
    if (text.endsWith(u"ms"_s)) {
        factor = 1;
        number = text.chopped(2);
    } else if (text.endsWith(u's')) {
        factor = 1000;
        number = text.chopped(1);
    }
    bool ok = false;
    const double amount = number.toDouble(&ok) * factor;
    if (factor == 0 || !ok || !std::isfinite(amount) || amount < 0 || amount > double(maxSlow.count())) {
        *error = u"%1: expected a duration with a unit up to 10 minutes, e.g. %1=300ms or %1=2s, got \"%2\""_s
                     .arg(name, value);
        return std::nullopt;
    }
    return std::chrono::milliseconds(std::llround(amount));
}

QString formatRate(double rate)
{
    return QString::number(rate, 'g', 12);
}

} // namespace

QString FaultInjector::Spec::toString() const
{
    QStringList parts;
    if (throttle > 0)
        parts.append(u"throttle="_s + formatRate(throttle));
    if (error500 > 0)
        parts.append(u"error500="_s + formatRate(error500));
    if (drop > 0)
        parts.append(u"drop="_s + formatRate(drop));
    if (malformed > 0)
        parts.append(u"malformed="_s + formatRate(malformed));
    if (slow.count() > 0)
        parts.append(u"slow="_s + QString::number(slow.count()) + u"ms"_s);
    return parts.join(u',');
}

std::optional<FaultInjector::Spec> FaultInjector::Spec::parse(const QString &text, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    Spec spec;
    if (text.trimmed().isEmpty())
        return spec;
    QStringList seen;
    const QStringList items = text.split(u',');
    for (const QString &rawItem : items) {
        const QString item = rawItem.trimmed();
        const qsizetype equals = item.indexOf(u'=');
        if (item.isEmpty() || equals <= 0) {
            *error
                = u"expected name=value, got \"%1\" (e.g. throttle=0.05,error500=0.02,drop=0.01,slow=300ms,"
                  "malformed=0.01)"_s.arg(item);
            return std::nullopt;
        }
        const QString name = item.left(equals).trimmed().toLower();
        const QString value = item.mid(equals + 1).trimmed();
        if (seen.contains(name)) {
            *error = u"%1 is given twice"_s.arg(name);
            return std::nullopt;
        }
        seen.append(name);
        if (name == u"slow") {
            const auto duration = parseDuration(name, value, error);
            if (!duration)
                return std::nullopt;
            spec.slow = *duration;
            continue;
        }
        double *rate = nullptr;
        if (name == u"throttle")
            rate = &spec.throttle;
        else if (name == u"error500")
            rate = &spec.error500;
        else if (name == u"drop")
            rate = &spec.drop;
        else if (name == u"malformed")
            rate = &spec.malformed;
        if (!rate) {
            *error = u"unknown fault \"%1\" (known: throttle, error500, drop, malformed, slow)"_s.arg(name);
            return std::nullopt;
        }
        const auto parsed = parseRate(name, value, error);
        if (!parsed)
            return std::nullopt;
        *rate = *parsed;
    }
    const double total = spec.throttle + spec.error500 + spec.drop + spec.malformed;
    if (total > 1 + 1e-9) {
        *error
            = u"the rates of throttle, error500, drop and malformed add up to %1; at most 1 (one fault per "
              "request)"_s.arg(formatRate(total));
        return std::nullopt;
    }
    return spec;
}

FaultInjector::FaultInjector(const Spec &spec, quint64 seed)
    : m_spec(spec)
    , m_random(seed)
{ }

double FaultInjector::nextUniform()
{
    // 53 random bits: the same sequence on every standard library, unlike
    // std::uniform_real_distribution.
    return double(m_random() >> 11) * 0x1.0p-53;
}

FaultInjector::Decision FaultInjector::decide()
{
    Decision decision;
    decision.delay = m_spec.slow;
    const double draw = nextUniform();
    double bound = 0;
    const std::pair<double, Fault> bands[]
        = { { m_spec.drop, Fault::Drop }, { m_spec.throttle, Fault::Throttle },
              { m_spec.error500, Fault::InternalError }, { m_spec.malformed, Fault::Malformed } };
    for (const auto &[rate, fault] : bands) {
        bound += rate;
        if (draw < bound) {
            decision.fault = fault;
            break;
        }
    }
    ++m_counts.at(static_cast<std::size_t>(decision.fault));
    return decision;
}

QString FaultInjector::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return u"none"_s;
    case Fault::Drop:
        return u"drop"_s;
    case Fault::Throttle:
        return u"throttle"_s;
    case Fault::InternalError:
        return u"error500"_s;
    case Fault::Malformed:
        return u"malformed"_s;
    }
    return {};
}

EmulatorResponse FaultInjector::throttlingResponse()
{
    // ThrottlingException.retryAfterSeconds is bound to the Retry-After header.
    EmulatorResponse response = EmulatorResponse::error(
        429, u"ThrottlingException"_s, u"Rate exceeded"_s, QJsonObject { { u"serviceCode"_s, u"mgn"_s } });
    response.headers.append({ QByteArray("Retry-After"), QByteArray("1") });
    return response;
}

EmulatorResponse FaultInjector::internalErrorResponse()
{
    EmulatorResponse response = EmulatorResponse::error(500, u"InternalServerException"_s,
        u"An internal error occurred (injected by mgn-emulator --faults error500)."_s);
    response.headers.append({ QByteArray("Retry-After"), QByteArray("1") });
    return response;
}

EmulatorResponse FaultInjector::malformedResponse(const EmulatorResponse &answer)
{
    // Half of the real body (which cannot parse: a JSON document does not end
    // halfway), or the start of an object when there was no body.
    EmulatorResponse response = answer;
    response.status = 200;
    response.headers.removeIf([](const EmulatorResponse::Headers::value_type &header) {
        return header.first.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0
            || header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    });
    response.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
    response.body
        = answer.body.size() >= 4 ? answer.body.left(answer.body.size() / 2) : QByteArray("{\"items\":[{");
    return response;
}

} // namespace mgn
