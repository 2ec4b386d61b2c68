#include "emulator/service/ConfigurationState.h"

#include "emulator/service/Fleet.h"

#include <QJsonArray>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonArray documents(const QList<QJsonObject> &list)
{
    QJsonArray array;
    for (const QJsonObject &document : list)
        array.append(document);
    return array;
}

template<typename Value, typename Write> QJsonObject byOwner(const QHash<QString, Value> &hash, Write write)
{
    QJsonObject object;
    for (auto it = hash.begin(); it != hash.end(); ++it)
        object.insert(it.key(), write(it.value()));
    return object;
}

class Reader final
{
public:
    Reader(const QJsonObject &object, QString *error)
        : m_object(object)
        , m_error(error)
    { }

    bool ok() const { return m_error->isEmpty(); }

    QList<QJsonObject> list(QLatin1StringView key, const QJsonValue &value)
    {
        QList<QJsonObject> documents;
        if (!value.isArray() && !value.isUndefined())
            fail(key, u"expected an array"_s);
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (!item.isObject())
                fail(key, u"expected an array of objects"_s);
            documents.append(item.toObject());
        }
        return documents;
    }

    QList<QJsonObject> list(QLatin1StringView key) { return list(key, m_object.value(key)); }

    QJsonObject object(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject() && !value.isUndefined())
            fail(key, u"expected an object"_s);
        return value.toObject();
    }

    QHash<QString, QJsonObject> documents(QLatin1StringView key)
    {
        QHash<QString, QJsonObject> hash;
        const QJsonObject owners = object(key);
        for (auto it = owners.begin(); it != owners.end(); ++it) {
            if (!it.value().isObject())
                fail(key, u"expected objects"_s);
            hash.insert(it.key(), it.value().toObject());
        }
        return hash;
    }

    QHash<QString, QList<QJsonObject>> lists(QLatin1StringView key)
    {
        QHash<QString, QList<QJsonObject>> hash;
        const QJsonObject owners = object(key);
        for (auto it = owners.begin(); it != owners.end(); ++it)
            hash.insert(it.key(), list(key, it.value()));
        return hash;
    }

    QHash<QString, QJsonArray> arrays(QLatin1StringView key)
    {
        QHash<QString, QJsonArray> hash;
        const QJsonObject owners = object(key);
        for (auto it = owners.begin(); it != owners.end(); ++it) {
            if (!it.value().isArray())
                fail(key, u"expected arrays"_s);
            hash.insert(it.key(), it.value().toArray());
        }
        return hash;
    }

private:
    void fail(QLatin1StringView key, const QString &what)
    {
        if (m_error->isEmpty())
            *m_error = u"configuration.%1: %2"_s.arg(key, what);
    }

    QJsonObject m_object;
    QString *m_error;
};

} // namespace

QJsonObject ConfigurationState::toJson(const Fleet &fleet)
{
    const auto identity = [](const auto &value) { return value; };
    return QJsonObject {
        { "launchConfigurations"_L1, byOwner(fleet.launchConfigurations, identity) },
        { "replicationConfigurations"_L1, byOwner(fleet.replicationConfigurations, identity) },
        { "replicationConfigurationTemplates"_L1, documents(fleet.replicationConfigurationTemplates) },
        { "launchConfigurationTemplates"_L1, documents(fleet.launchConfigurationTemplates) },
        { "sourceServerActions"_L1, byOwner(fleet.sourceServerActions, documents) },
        { "templateActions"_L1, byOwner(fleet.templateActions, documents) },
        { "exportTasks"_L1, documents(fleet.exportTasks) },
        { "importTasks"_L1, documents(fleet.importTasks) },
        { "exportErrors"_L1, byOwner(fleet.exportErrors, identity) },
        { "importErrors"_L1, byOwner(fleet.importErrors, identity) },
    };
}

bool ConfigurationState::fromJson(const QJsonObject &object, Fleet &fleet, QString *error)
{
    Reader r(object, error);
    fleet.launchConfigurations = r.documents("launchConfigurations"_L1);
    fleet.replicationConfigurations = r.documents("replicationConfigurations"_L1);
    fleet.replicationConfigurationTemplates = r.list("replicationConfigurationTemplates"_L1);
    fleet.launchConfigurationTemplates = r.list("launchConfigurationTemplates"_L1);
    fleet.sourceServerActions = r.lists("sourceServerActions"_L1);
    fleet.templateActions = r.lists("templateActions"_L1);
    fleet.exportTasks = r.list("exportTasks"_L1);
    fleet.importTasks = r.list("importTasks"_L1);
    fleet.exportErrors = r.arrays("exportErrors"_L1);
    fleet.importErrors = r.arrays("importErrors"_L1);
    return r.ok();
}

} // namespace mgn
