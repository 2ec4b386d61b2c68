#include "app/aws/ProfileKeyStore.h"
#include "tests/support/MemorySecretStore.h"

#include <QTest>

using namespace mgn;

// Keys typed into the app, per profile, through a fake keychain.
class TestProfileKeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void profilesAreSeparate();
    void notFound();
    void unavailable();
    void damagedEntry();
    void callbackDroppedWithContext();

private:
    ProfileKeyStore::Result wait(const std::function<void(ProfileKeyStore::Callback)> &call)
    {
        std::optional<ProfileKeyStore::Result> result;
        call([&](const ProfileKeyStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
            return { SecretStore::Status::Error, std::nullopt, QStringLiteral("test: no answer") };
        return *result;
    }
};

namespace {
AwsCredentials sample(const QString &id, bool token)
{
    AwsCredentials c;
    c.accessKeyId = id;
    c.secretAccessKey = QStringLiteral("secret-of-") + id;
    if (token)
        c.sessionToken = QStringLiteral("token-of-") + id;
    return c;
}
} // namespace

void TestProfileKeyStore::roundTrip()
{
    MemorySecretStore secrets;
    ProfileKeyStore store(secrets);
    auto saved = wait([&](auto done) {
        store.save(QStringLiteral("dev"), sample(QStringLiteral("AKIDDEV"), true), this, done);
    });
    QCOMPARE(int(saved.status), int(SecretStore::Status::Ok));
    QVERIFY(secrets.entries.contains(QStringLiteral("aws-profile/dev")));

    auto loaded = wait([&](auto done) { store.load(QStringLiteral("dev"), this, done); });
    QCOMPARE(int(loaded.status), int(SecretStore::Status::Ok));
    QVERIFY(loaded.credentials);
    QCOMPARE(*loaded.credentials, sample(QStringLiteral("AKIDDEV"), true));

    auto forgotten = wait([&](auto done) { store.forget(QStringLiteral("dev"), this, done); });
    QCOMPARE(int(forgotten.status), int(SecretStore::Status::Ok));
    QVERIFY(secrets.entries.isEmpty());
}

void TestProfileKeyStore::profilesAreSeparate()
{
    MemorySecretStore secrets;
    ProfileKeyStore store(secrets);
    wait([&](auto done) {
        store.save(QStringLiteral("a"), sample(QStringLiteral("AKIDA"), false), this, done);
    });
    wait([&](auto done) {
        store.save(QStringLiteral("b"), sample(QStringLiteral("AKIDB"), false), this, done);
    });
    QCOMPARE(secrets.entries.size(), 2);
    const auto a = wait([&](auto done) { store.load(QStringLiteral("a"), this, done); });
    const auto b = wait([&](auto done) { store.load(QStringLiteral("b"), this, done); });
    QCOMPARE(a.credentials->accessKeyId, QStringLiteral("AKIDA"));
    QCOMPARE(b.credentials->accessKeyId, QStringLiteral("AKIDB"));
    QVERIFY(!a.credentials->sessionToken);
}

void TestProfileKeyStore::notFound()
{
    MemorySecretStore secrets;
    ProfileKeyStore store(secrets);
    const auto loaded = wait([&](auto done) { store.load(QStringLiteral("nobody"), this, done); });
    QCOMPARE(int(loaded.status), int(SecretStore::Status::NotFound));
    QVERIFY(!loaded.credentials);
}

void TestProfileKeyStore::unavailable()
{
    MemorySecretStore secrets;
    secrets.available = false;
    ProfileKeyStore store(secrets);
    const auto saved = wait([&](auto done) {
        store.save(QStringLiteral("dev"), sample(QStringLiteral("AKID"), false), this, done);
    });
    QCOMPARE(int(saved.status), int(SecretStore::Status::Unavailable));
    QVERIFY(saved.message.contains(QStringLiteral("No keychain service")));
    const auto loaded = wait([&](auto done) { store.load(QStringLiteral("dev"), this, done); });
    QCOMPARE(int(loaded.status), int(SecretStore::Status::Unavailable));
}

void TestProfileKeyStore::damagedEntry()
{
    MemorySecretStore secrets;
    secrets.entries.insert(QStringLiteral("aws-profile/dev"), "{not json");
    ProfileKeyStore store(secrets);
    const auto loaded = wait([&](auto done) { store.load(QStringLiteral("dev"), this, done); });
    QCOMPARE(int(loaded.status), int(SecretStore::Status::Error));
    QVERIFY(loaded.message.contains(QStringLiteral("damaged")));
    QVERIFY(!loaded.credentials);
}

void TestProfileKeyStore::callbackDroppedWithContext()
{
    MemorySecretStore secrets;
    ProfileKeyStore store(secrets);
    bool called = false;
    {
        QObject context;
        store.load(QStringLiteral("dev"), &context, [&](const ProfileKeyStore::Result &) { called = true; });
    }
    QTest::qWait(50);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestProfileKeyStore)
#include "tst_profilekeystore.moc"
