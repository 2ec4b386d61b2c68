#include "bench/JsonParseBench.h"

#include "bench/BenchFleet.h"
#include "models/json/JsonTape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QVariant>

#include <benchmark/benchmark.h>
#include <cstring>
#include <simdjson.h>
#include <vector>

using namespace mgn;

namespace mgn {

namespace {

// What a walk saw, the same for every engine on the same text: a check that
// each one read everything, and a use of every value the optimiser keeps.
struct WalkSum final {
    qint64 values = 0;
    qint64 stringUnits = 0;
    qint64 integers = 0;

    void string(const QString &text)
    {
        ++values;
        stringUnits += text.size();
    }
    bool operator==(const WalkSum &) const = default;
};

// simdjson reads up to SIMDJSON_PADDING bytes past the text: a QByteArray
// does not promise them, so each page is copied into this reused buffer, a
// cost the product would pay too.
class PaddedBuffer final
{
public:
    simdjson::padded_string_view view(const QByteArray &text)
    {
        const size_t size = size_t(text.size());
        if (m_bytes.size() < size + simdjson::SIMDJSON_PADDING)
            m_bytes.resize(size + simdjson::SIMDJSON_PADDING);
        std::memcpy(m_bytes.data(), text.constData(), size);
        return simdjson::padded_string_view(m_bytes.data(), size, m_bytes.size());
    }

private:
    std::vector<char> m_bytes;
};

void walkTape(JsonTape::Value value, WalkSum &sum)
{
    switch (value.type()) {
    case JsonTape::Type::Object:
        for (JsonTape::Value name = value.firstChild(); name.isValid();) {
            const JsonTape::Value member = name.next();
            sum.string(name.toString());
            walkTape(member, sum);
            name = member.next();
        }
        break;
    case JsonTape::Type::Array:
        for (JsonTape::Value element = value.firstChild(); element.isValid(); element = element.next())
            walkTape(element, sum);
        break;
    case JsonTape::Type::String:
        sum.string(value.toString());
        break;
    case JsonTape::Type::Number:
        ++sum.values;
        if (value.isInteger())
            sum.integers += value.toInteger();
        else
            benchmark::DoNotOptimize(value.toDouble());
        break;
    case JsonTape::Type::Bool:
        ++sum.values;
        benchmark::DoNotOptimize(value.toBool());
        break;
    case JsonTape::Type::Null:
        ++sum.values;
        break;
    }
}

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

void walkDom(simdjson::dom::element element, WalkSum &sum)
{
    switch (element.type()) {
    case simdjson::dom::element_type::OBJECT:
        for (const simdjson::dom::key_value_pair member : simdjson::dom::object(element)) {
            sum.string(fromUtf8(member.key));
            walkDom(member.value, sum);
        }
        break;
    case simdjson::dom::element_type::ARRAY:
        for (const simdjson::dom::element child : simdjson::dom::array(element))
            walkDom(child, sum);
        break;
    case simdjson::dom::element_type::STRING:
        sum.string(fromUtf8(element.get_string().value_unsafe()));
        break;
    case simdjson::dom::element_type::INT64:
        ++sum.values;
        sum.integers += element.get_int64().value_unsafe();
        break;
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
        ++sum.values;
        benchmark::DoNotOptimize(element.get_double().value_unsafe());
        break;
    case simdjson::dom::element_type::BOOL:
        ++sum.values;
        benchmark::DoNotOptimize(element.get_bool().value_unsafe());
        break;
    case simdjson::dom::element_type::NULL_VALUE:
        ++sum.values;
        break;
    }
}

// On-Demand parses as it walks: `strings` false reads each string without a
// QString (the parse alone), true makes one of each as the other walks do.
simdjson::error_code walkOnDemand(simdjson::ondemand::value value, WalkSum &sum, bool strings)
{
    simdjson::ondemand::json_type type;
    if (const auto error = value.type().get(type))
        return error;
    switch (type) {
    case simdjson::ondemand::json_type::object: {
        simdjson::ondemand::object object;
        if (const auto error = value.get_object().get(object))
            return error;
        for (auto field : object) {
            std::string_view key;
            if (const auto error = field.unescaped_key().get(key))
                return error;
            if (strings)
                sum.string(fromUtf8(key));
            else
                sum.values += 1;
            if (const auto error = walkOnDemand(field.value(), sum, strings))
                return error;
        }
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::array: {
        simdjson::ondemand::array array;
        if (const auto error = value.get_array().get(array))
            return error;
        for (auto element : array) {
            simdjson::ondemand::value child;
            if (const auto error = element.get(child))
                return error;
            if (const auto error = walkOnDemand(child, sum, strings))
                return error;
        }
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::string: {
        std::string_view text;
        if (const auto error = value.get_string().get(text))
            return error;
        if (strings)
            sum.string(fromUtf8(text));
        else
            sum.values += 1;
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::number: {
        ++sum.values;
        simdjson::ondemand::number number;
        if (const auto error = value.get_number().get(number))
            return error;
        if (number.is_int64())
            sum.integers += number.get_int64();
        else
            benchmark::DoNotOptimize(number.as_double());
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::boolean: {
        ++sum.values;
        bool flag = false;
        return value.get_bool().get(flag);
    }
    case simdjson::ondemand::json_type::null:
        ++sum.values;
        return value.is_null().error();
    }
    return simdjson::INCORRECT_TYPE;
}

void walkQJson(const QJsonValue &value, WalkSum &sum)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            sum.string(it.key());
            walkQJson(it.value(), sum);
        }
        break;
    }
    case QJsonValue::Array:
        for (const QJsonValue &element : value.toArray())
            walkQJson(element, sum);
        break;
    case QJsonValue::String:
        sum.string(value.toString());
        break;
    case QJsonValue::Double: {
        ++sum.values;
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong)
            sum.integers += number.toLongLong();
        else
            benchmark::DoNotOptimize(value.toDouble());
        break;
    }
    case QJsonValue::Bool:
        ++sum.values;
        benchmark::DoNotOptimize(value.toBool());
        break;
    default:
        ++sum.values;
        break;
    }
}

void finish(benchmark::State &state, const BenchFleet &fleet, int servers)
{
    state.SetBytesProcessed(state.iterations() * fleet.bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

// Parse only.

void parseTape(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        for (const QByteArray &page : fleet.pages) {
            std::optional<JsonTape> tape = JsonTape::parse(page);
            if (!tape)
                state.SkipWithError("JsonTape refused a page");
            benchmark::DoNotOptimize(tape);
        }
    }
    finish(state, fleet, servers);
}

void parseDom(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    simdjson::dom::parser parser;
    PaddedBuffer buffer;
    for (auto _ : state) {
        for (const QByteArray &page : fleet.pages) {
            simdjson::dom::element root;
            if (parser.parse(buffer.view(page)).get(root))
                state.SkipWithError("simdjson refused a page");
            benchmark::DoNotOptimize(root);
        }
    }
    finish(state, fleet, servers);
}

void parseQJson(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        for (const QByteArray &page : fleet.pages) {
            QJsonDocument document = QJsonDocument::fromJson(page);
            benchmark::DoNotOptimize(document);
        }
    }
    finish(state, fleet, servers);
}

// Parse, then walk every value (On-Demand only parses as it walks).

void walkPagesTape(benchmark::State &state, int servers, WalkSum expected)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        WalkSum sum;
        for (const QByteArray &page : fleet.pages) {
            const std::optional<JsonTape> tape = JsonTape::parse(page);
            if (tape)
                walkTape(tape->root(), sum);
        }
        if (!(sum == expected))
            state.SkipWithError("JsonTape's walk differs from QJsonDocument's");
    }
    finish(state, fleet, servers);
}

void walkPagesDom(benchmark::State &state, int servers, WalkSum expected)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    simdjson::dom::parser parser;
    PaddedBuffer buffer;
    for (auto _ : state) {
        WalkSum sum;
        for (const QByteArray &page : fleet.pages) {
            simdjson::dom::element root;
            if (!parser.parse(buffer.view(page)).get(root))
                walkDom(root, sum);
        }
        if (!(sum == expected))
            state.SkipWithError("simdjson DOM's walk differs from QJsonDocument's");
    }
    finish(state, fleet, servers);
}

void walkPagesOnDemand(benchmark::State &state, int servers, WalkSum expected, bool strings)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    simdjson::ondemand::parser parser;
    PaddedBuffer buffer;
    for (auto _ : state) {
        WalkSum sum;
        for (const QByteArray &page : fleet.pages) {
            simdjson::ondemand::document document;
            simdjson::ondemand::value root;
            if (parser.iterate(buffer.view(page)).get(document) || document.get_value().get(root)
                || walkOnDemand(root, sum, strings)) {
                state.SkipWithError("simdjson On-Demand refused a page");
            }
        }
        // Without QStrings, every string counts as one value and no units.
        if (strings ? !(sum == expected) : sum.values != expected.values || sum.integers != expected.integers)
            state.SkipWithError("simdjson On-Demand's walk differs from QJsonDocument's");
    }
    finish(state, fleet, servers);
}

void walkPagesQJson(benchmark::State &state, int servers, WalkSum expected)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        WalkSum sum;
        for (const QByteArray &page : fleet.pages)
            walkQJson(QJsonDocument::fromJson(page).object(), sum);
        if (!(sum == expected))
            state.SkipWithError("QJsonDocument's walk differs");
    }
    finish(state, fleet, servers);
}

} // namespace

void JsonParseBench::registerBenchmarks(const QList<int> &sizes)
{
    for (const int servers : sizes) {
        registerForFleet("json_parse.jsontape", servers, parseTape);
        registerForFleet("json_parse.simdjson_dom", servers, parseDom);
        registerForFleet("json_parse.ref_fromJson", servers, parseQJson);
        // The expected sums, from QJsonDocument, are computed when the
        // benchmark runs so that a filter leaving it out builds no fleet.
        const auto expected = [servers] {
            static QMap<int, WalkSum> sums;
            if (!sums.contains(servers)) {
                WalkSum sum;
                for (const QByteArray &page : BenchFleet::of(servers).pages)
                    walkQJson(QJsonDocument::fromJson(page).object(), sum);
                sums.insert(servers, sum);
            }
            return sums.value(servers);
        };
        benchmark::RegisterBenchmark(("json_parse.simdjson_ondemand/" + std::to_string(servers)).c_str(),
            [servers, expected](
                benchmark::State &state) { walkPagesOnDemand(state, servers, expected(), false); })
            ->Unit(benchmark::kMillisecond);
        const std::pair<const char *, void (*)(benchmark::State &, int, WalkSum)> walks[] = {
            { "json_walk.jsontape", walkPagesTape },
            { "json_walk.simdjson_dom", walkPagesDom },
            { "json_walk.ref_fromJson", walkPagesQJson },
        };
        for (const auto &[name, walk] : walks) {
            benchmark::RegisterBenchmark((std::string(name) + '/' + std::to_string(servers)).c_str(),
                [servers, expected, walk = walk](
                    benchmark::State &state) { walk(state, servers, expected()); })
                ->Unit(benchmark::kMillisecond);
        }
        benchmark::RegisterBenchmark(("json_walk.simdjson_ondemand/" + std::to_string(servers)).c_str(),
            [servers, expected](
                benchmark::State &state) { walkPagesOnDemand(state, servers, expected(), true); })
            ->Unit(benchmark::kMillisecond);
    }
}

} // namespace mgn
