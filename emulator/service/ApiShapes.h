#pragma once

#include "emulator/service/RequestReader.h"

namespace mgn {

// The string shapes of the MGN API model the operations read (lengths and
// patterns as in service-2.json).
class ApiShapes final
{
public:
    static const RequestReader::StringRule &sourceServerID();
    static const RequestReader::StringRule &jobID();
    static const RequestReader::StringRule &vcenterClientID();
    static const RequestReader::StringRule &applicationID();
    static const RequestReader::StringRule &accountID();
    static const RequestReader::StringRule &paginationToken();
    static const RequestReader::StringRule &iso8601DateTime();
    static const RequestReader::StringRule &arn();
    static const RequestReader::StringRule &tagKey();

    // MaxResultsType
    static constexpr qint64 maxResultsMinimum = 1;
    static constexpr qint64 maxResultsMaximum = 1000;
};

} // namespace mgn
