#include "app/cli/CliNames.h"

#include <QRegularExpression>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

QString CliNames::xform(const QString &name, QChar separator)
{
    if (name.contains(separator))
        return name;
    // botocore/__init__.py: the same three expressions, in the same order.
    static const QRegularExpression firstCap(u"(.)([A-Z][a-z]+)"_s);
    static const QRegularExpression endCap(u"([a-z0-9])([A-Z])"_s);
    static const QRegularExpression pluralAcronym(u"[A-Z]{2,}s$"_s);
    QString text = name;
    const QRegularExpressionMatch plural = pluralAcronym.match(text);
    if (plural.hasMatch()) {
        // ARNs, IDs -> -arns, -ids
        const QString matched = plural.captured();
        text = text.left(text.size() - matched.size()) + separator + matched.toLower();
    }
    const QString replacement = u"\\1"_s + separator + u"\\2"_s;
    text.replace(firstCap, replacement);
    text.replace(endCap, replacement);
    return text.toLower();
}

} // namespace mgn
