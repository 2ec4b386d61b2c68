#pragma once

#include <QString>

#include <optional>

namespace mgn::api {

// A string that a pattern of the API model matches, for ShapeSample: the
// model's patterns use a small part of ECMAScript regular expressions
// (literals and escapes, classes with ranges and negation, \s \d \w \x00, the
// dot, groups, alternation, ? * + {n} {n,} {n,m}, ^ $ and a negative
// lookahead), and this walks them, choosing characters and repetitions.
// `repetitions` is how often * and + repeat (and whether ? takes its atom);
// `seed` varies the characters. Non-ASCII characters are chosen where a class
// allows them. nullopt when the pattern uses something outside that part.
// The caller checks the result against the pattern with QRegularExpression
// and tries other repetitions when a length limit or an anchor is not met.
class PatternSample final
{
public:
    static std::optional<QString> generate(const QString &pattern, int repetitions, int seed);
};

} // namespace mgn::api
