#include "app/cli/CliTextFormatter.h"

#include "app/cli/CliPythonText.h"

#include <QStringList>

#include <algorithm>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

using Member = std::pair<QString, const CliValue *>;

bool formatText(const CliValue &item, QString &out, const std::optional<QString> &identifier,
    const QStringList *scalarKeys = nullptr);

void sortKeys(QStringList &keys)
{
    std::sort(keys.begin(), keys.end(), CliPythonText::lessThan);
}

// _format_scalar_list
void formatScalarList(
    const QList<const CliValue *> &elements, QString &out, const std::optional<QString> &identifier)
{
    if (identifier) {
        const QString upper = identifier->toUpper();
        for (const CliValue *element : elements)
            out += upper + u'\t' + CliPythonText::str(*element) + u'\n';
        return;
    }
    QStringList texts;
    texts.reserve(elements.size());
    for (const CliValue *element : elements)
        texts.append(CliPythonText::str(*element));
    out += texts.join(u'\t') + u'\n';
}

// _format_list
bool formatList(const CliValue &list, QString &out, const std::optional<QString> &identifier)
{
    const QList<CliValue> &items = list.items;
    if (items.isEmpty())
        return true;
    const auto isObject = [](const CliValue &v) { return v.type == CliValue::Type::Object; };
    if (std::any_of(items.begin(), items.end(), isObject)) {
        // _all_scalar_keys calls .items() on every element: any other than a
        // dict raises AttributeError before anything of the list is written.
        if (!std::all_of(items.begin(), items.end(), isObject))
            return false;
        QStringList allKeys;
        for (const CliValue &element : items) {
            for (const Member &member : CliPythonText::dictItems(element)) {
                if (!CliPythonText::isContainer(*member.second) && !allKeys.contains(member.first))
                    allKeys.append(member.first);
            }
        }
        sortKeys(allKeys);
        for (const CliValue &element : items) {
            if (!formatText(element, out, identifier, &allKeys))
                return false;
        }
        return true;
    }
    QList<const CliValue *> scalars;
    QList<const CliValue *> nonScalars;
    for (const CliValue &element : items)
        (CliPythonText::isContainer(element) ? nonScalars : scalars).append(&element);
    if (!scalars.isEmpty())
        formatScalarList(scalars, out, identifier);
    for (const CliValue *nonScalar : nonScalars) {
        if (!formatText(*nonScalar, out, identifier))
            return false;
    }
    return true;
}

// _format_dict with _partition_dict
bool formatDict(const CliValue &dict, QString &out, const std::optional<QString> &identifier,
    const QStringList *scalarKeys)
{
    QStringList scalars;
    QList<Member> nonScalars;
    QList<Member> members = CliPythonText::dictItems(dict);
    const auto byKey = [](const Member &left, const Member &right) {
        return CliPythonText::lessThan(left.first, right.first);
    };
    if (!scalarKeys) {
        std::sort(members.begin(), members.end(), byKey);
        for (const Member &member : std::as_const(members)) {
            if (CliPythonText::isContainer(*member.second))
                nonScalars.append(member);
            else
                scalars.append(CliPythonText::str(*member.second));
        }
    } else {
        for (const QString &key : *scalarKeys) {
            const CliValue *value = CliPythonText::dictGet(dict, key);
            scalars.append(value ? CliPythonText::str(*value) : QString());
        }
        for (const Member &member : std::as_const(members)) {
            if (!scalarKeys->contains(member.first))
                nonScalars.append(member);
        }
        std::sort(nonScalars.begin(), nonScalars.end(), byKey);
    }
    if (!scalars.isEmpty()) {
        if (identifier)
            scalars.prepend(identifier->toUpper());
        out += scalars.join(u'\t') + u'\n';
    }
    for (const Member &nonScalar : std::as_const(nonScalars)) {
        if (!formatText(*nonScalar.second, out, nonScalar.first))
            return false;
    }
    return true;
}

// _format_text
bool formatText(const CliValue &item, QString &out, const std::optional<QString> &identifier,
    const QStringList *scalarKeys)
{
    if (item.type == CliValue::Type::Object)
        return formatDict(item, out, identifier, scalarKeys);
    if (item.type == CliValue::Type::List)
        return formatList(item, out, identifier);
    out += CliPythonText::str(item) + u'\n';
    return true;
}

} // namespace

QString CliTextFormatter::format(const CliValue &document)
{
    QString out;
    formatText(document, out, std::nullopt);
    return out;
}

} // namespace mgn
