#include "emulator/service/ApiShapes.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

using Rule = RequestReader::StringRule;

const Rule &ApiShapes::sourceServerID()
{
    static const Rule rule = Rule::make(19, 19, u"s-[0-9a-zA-Z]{17}"_s);
    return rule;
}

const Rule &ApiShapes::jobID()
{
    static const Rule rule = Rule::make(24, 24, u"mgnjob-[0-9a-zA-Z]{17}"_s);
    return rule;
}

const Rule &ApiShapes::vcenterClientID()
{
    static const Rule rule = Rule::make(21, 21, u"vcc-[0-9a-zA-Z]{17}"_s);
    return rule;
}

const Rule &ApiShapes::applicationID()
{
    static const Rule rule = Rule::make(21, 21, u"app-[0-9a-zA-Z]{17}"_s);
    return rule;
}

const Rule &ApiShapes::accountID()
{
    static const Rule rule = Rule::make(12, 12, u".*[0-9]{12,}.*"_s);
    return rule;
}

const Rule &ApiShapes::paginationToken()
{
    static const Rule rule = Rule::make(0, 2048);
    return rule;
}

const Rule &ApiShapes::iso8601DateTime()
{
    static const Rule rule = Rule::make(19, 32,
        u"[1-9][0-9]*-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([0-1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?Z"_s);
    return rule;
}

const Rule &ApiShapes::arn()
{
    static const Rule rule = Rule::make(20, 2048);
    return rule;
}

const Rule &ApiShapes::tagKey()
{
    static const Rule rule = Rule::make(0, 256, {}, true);
    return rule;
}

} // namespace mgn
