#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace mgn {

// A JSON value as the AWS CLI holds a parsed answer (a Python dict, list,
// str, int, float, bool or None): objects keep their members in order,
// which QJsonObject does not. The text and table formatters work on it; the
// JSON output streams from the tape and never builds one.
struct CliValue final {
    enum class Type : quint8 { Null, Bool, Integer, Double, String, List, Object };

    Type type = Type::Null;
    bool boolean = false;
    qint64 integer = 0;
    double real = 0;
    QString string;
    QList<CliValue> items; // List
    QList<std::pair<QString, CliValue>> members; // Object, in order

    // The member of that name, or nullptr.
    const CliValue *member(QStringView name) const
    {
        for (const auto &m : members) {
            if (m.first == name)
                return &m.second;
        }
        return nullptr;
    }
};

} // namespace mgn
