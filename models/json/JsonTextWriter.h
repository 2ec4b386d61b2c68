#pragma once

#include "models/domain/EnumValue.h"

#include <QByteArray>
#include <QLatin1String>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <vector>

namespace mgn {

// Writes JSON text straight into a QByteArray, byte for byte what
// QJsonDocument::toJson writes for the same document (Compact or Indented),
// without building QJsonObjects first: for the large listings the emulator
// serves and mgnctl prints.
//
// QJsonObject keeps its members sorted by key; this writer streams, so the
// caller gives the members of an object in key order (the codecs list them
// alphabetically; Q_ASSERT checks it in debug builds). The member functions
// mirror JsonWriter's, so one codec function can fill either.
class JsonTextWriter final
{
public:
    enum class Format { Compact, Indented };

    // Appends to `out`; `baseIndent` is the depth the first value starts at
    // (the Indented format only), for a value nested in text written by hand.
    explicit JsonTextWriter(QByteArray &out, Format format = Format::Compact, int baseIndent = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The key of the next member of the current object.
    void key(QLatin1StringView key);
    void key(QStringView key);
    void value(QStringView text);
    void value(bool value);
    void value(QLatin1StringView text);
    void value(qint64 value);

    // Members present only when the value is, as JsonWriter writes them.
    void string(QLatin1StringView key, const std::optional<QString> &value);
    void boolean(QLatin1StringView key, const std::optional<bool> &value);
    void integer(QLatin1StringView key, const std::optional<qint64> &value);
    void dateTime(QLatin1StringView key, const std::optional<qint64> &value);
    void duration(QLatin1StringView key, const std::optional<qint64> &value);
    void stringList(QLatin1StringView key, const std::optional<QStringList> &value);
    // QMap iterates in the order QJsonObject sorts its keys (UTF-16 code units).
    void stringMap(QLatin1StringView key, const std::optional<QMap<QString, QString>> &value);

    template<typename E> void enumeration(QLatin1StringView name, const std::optional<EnumValue<E>> &value)
    {
        if (!value)
            return;
        key(name);
        if (value->isKnown())
            this->value(QLatin1StringView(EnumValue<E>::wireName(value->value())));
        else
            this->value(QStringView(value->unknownText()));
    }

    // fill(JsonTextWriter &, const T &) writes the members of the object.
    template<typename T, typename Fill>
    void object(QLatin1StringView name, const std::optional<T> &value, Fill fill)
    {
        if (!value)
            return;
        key(name);
        beginObject();
        fill(*this, *value);
        endObject();
    }

    template<typename T, typename Fill>
    void objectList(QLatin1StringView name, const std::optional<QList<T>> &value, Fill fill)
    {
        if (!value)
            return;
        key(name);
        beginArray();
        for (const T &element : *value) {
            beginObject();
            fill(*this, element);
            endObject();
        }
        endArray();
    }

private:
    struct Level final {
        bool object = false;
        bool empty = true;
#ifndef QT_NO_DEBUG
        QString lastKey;
#endif
    };

    // Before a value: the separator and indentation an array element needs
    // (a member's come with its key).
    void beforeValue();
    void separate(Level &level);
    void indent(qsizetype depth);
    void openContainer(char bracket, bool object);
    void closeContainer(char bracket);
    void escaped(QStringView text);
    void escaped(QLatin1StringView text);

    QByteArray &m_out;
    bool m_indented;
    int m_baseIndent;
    std::vector<Level> m_levels;
};

} // namespace mgn
