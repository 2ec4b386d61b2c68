#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/ServiceErrors.h"
#include "models/domain/EnumValue.h"
#include "models/domain/SourceServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace mgn {

// Reads an operation's input members the way the service validates them:
// types, required members, lengths, patterns, ranges and enum values of the
// API model. Every failure is collected as a ValidationExceptionField, so one
// answer names them all; error() builds the ValidationException.
class RequestReader final
{
public:
    // A string shape of the model (see ApiShapes).
    struct StringRule final {
        int minLength = 0;
        int maxLength = -1; // -1: no limit
        QString pattern; // the model's pattern, matched whole; empty: none
        bool sensitive = false; // the value is not repeated in messages
        QRegularExpression regex; // pattern, anchored (ApiShapes builds it once)

        static StringRule make(
            int minLength, int maxLength, const QString &pattern = {}, bool sensitive = false);
    };

    // A JSON body; an empty body reads as {}. Anything else than a JSON
    // object is a ValidationException (cannotParse) in *error.
    static std::optional<RequestReader> fromBody(const QByteArray &body, EmulatorResponse *error);
    // A query string ("a=1&b=x&b=y"), percent-decoded: the names in
    // `integers` become numbers when they read as one, those in `lists`
    // arrays; any other parameter is a string.
    static RequestReader fromQuery(
        const QByteArray &query, const QStringList &integers, const QStringList &lists);

    explicit RequestReader(const QJsonObject &object);

    bool has(QLatin1StringView name) const;
    std::optional<QString> string(QLatin1StringView name, const StringRule &rule, bool required = false);
    std::optional<qint64> integer(
        QLatin1StringView name, qint64 minimum, qint64 maximum, bool required = false);
    std::optional<bool> boolean(QLatin1StringView name);
    std::optional<QStringList> stringList(
        QLatin1StringView name, int minItems, int maxItems, const StringRule &item, bool required = false);
    // A TagsMap: at most 50 entries, keys and values of at most 256 characters.
    std::optional<mgn::Tags> tags(QLatin1StringView name, bool required = false);
    // A nested structure, read with the same collected errors.
    std::optional<RequestReader> object(QLatin1StringView name, bool required = false);

    // An enum member; values outside the enum (or outside `allowed`, when
    // given) are refused.
    template<typename E>
    std::optional<E> enumeration(QLatin1StringView name, bool required = false, const QList<E> &allowed = {})
    {
        const auto text = enumText(name, required, allowedNames(allowed));
        if (!text)
            return std::nullopt;
        return mgn::EnumValue<E>::fromWire(*text).value();
    }

    template<typename E> std::optional<QList<E>> enumList(QLatin1StringView name, int maxItems)
    {
        const auto texts = enumTexts(name, maxItems, allowedNames(QList<E>()));
        if (!texts)
            return std::nullopt;
        QList<E> values;
        for (const QString &text : *texts)
            values << mgn::EnumValue<E>::fromWire(text).value();
        return values;
    }

    // A value as the service's messages show it: 'text', null.
    static QString shown(const QJsonValue &value);
    // What they show for a sensitive one.
    static QString redactedValue();

    void fail(const QString &name, const QString &message, const QString &value);
    bool ok() const { return m_fields->isEmpty(); }
    const QList<ServiceErrors::Field> &fields() const { return *m_fields; }
    EmulatorResponse error() const { return ServiceErrors::validation(*m_fields); }

private:
    RequestReader(const QJsonObject &object, const QString &prefix,
        std::shared_ptr<QList<ServiceErrors::Field>> fields);

    QString path(QLatin1StringView name) const;
    // The member, or undefined when absent or null (recording a missing
    // required one).
    QJsonValue member(QLatin1StringView name, bool required);
    bool checkString(const QString &path, const QString &value, const StringRule &rule);
    std::optional<QString> enumText(QLatin1StringView name, bool required, const QStringList &allowed);
    std::optional<QStringList> enumTexts(QLatin1StringView name, int maxItems, const QStringList &allowed);

    template<typename E> static QStringList allowedNames(const QList<E> &allowed)
    {
        QStringList names;
        if (allowed.isEmpty()) {
            for (const auto &name : mgn::EnumTraits<E>::wireNames)
                names << QString(name);
        } else {
            for (const E value : allowed)
                names << QString(mgn::EnumValue<E>::wireName(value));
        }
        return names;
    }

    QJsonObject m_object;
    QString m_prefix;
    std::shared_ptr<QList<ServiceErrors::Field>> m_fields;
};

} // namespace mgn
