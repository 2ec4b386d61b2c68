#pragma once

#include "emulator/service/RequestReader.h"

namespace mgn {

// The string shapes of the MGN API model the operations read (lengths and
// patterns as in service-2.json).
namespace ApiShapes {
const RequestReader::StringRule &sourceServerID();
const RequestReader::StringRule &jobID();
const RequestReader::StringRule &vcenterClientID();
const RequestReader::StringRule &applicationID();
const RequestReader::StringRule &accountID();
const RequestReader::StringRule &paginationToken();
const RequestReader::StringRule &iso8601DateTime();
const RequestReader::StringRule &arn();
const RequestReader::StringRule &tagKey();

// MaxResultsType
inline constexpr qint64 maxResultsMinimum = 1;
inline constexpr qint64 maxResultsMaximum = 1000;
} // namespace ApiShapes

} // namespace mgn
