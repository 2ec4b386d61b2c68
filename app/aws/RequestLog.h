#pragma once

namespace mgn {

// The request log: category mgn.aws.transport (AwsTransport), one line per
// attempt with the operation, attempt, HTTP status, error code and delay,
// never a header, a body or a credential. Its debug and info lines are off
// unless turned on, so a command that succeeds, retried or not, prints nothing
// on stderr (the AWS CLI's habit); its warnings are on. The user turns it on
// with QT_LOGGING_RULES="mgn.*=true" or a program's option.
namespace RequestLog {

// The rule show() sets.
inline constexpr char rule[] = "mgn.*=true";

// Turns every mgn.* category on, for mgnctl --debug and mgn-dashboard
// --verbose. Set as the program's filter rules
// (QLoggingCategory::setFilterRules): QT_LOGGING_RULES, applied after them,
// still has the last word.
void show();

} // namespace RequestLog

} // namespace mgn
