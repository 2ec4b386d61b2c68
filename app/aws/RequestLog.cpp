#include "app/aws/RequestLog.h"

#include <QLoggingCategory>

namespace mgn {

void RequestLog::show()
{
    QLoggingCategory::setFilterRules(QLatin1String(RequestLog::rule));
}

} // namespace mgn
