#include "app/aws/KeychainSecretStore.h"
#include "app/aws/ProfileKeyStore.h"

#include <QProcessEnvironment>
#include <QTest>

using namespace mgn;

// The real OS keychain through qtkeychain. CTest runs this twice: inside
// dbus-run-session with an unlocked gnome-keyring (MGN_EXPECT_KEYCHAIN=
// available), and with no D-Bus session at all (=unavailable), where every
// call must answer Unavailable with a clear message, never hang.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void unavailable();

private:
    SecretStore::Result wait(const std::function<void(SecretStore::Callback)> &call)
    {
        std::optional<SecretStore::Result> result;
        call([&](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            return { SecretStore::Status::Error, {}, QStringLiteral("test: no answer within 30 s") };
        return *result;
    }

    QString m_expect;
};

void TestKeychainSecretStore::initTestCase()
{
    m_expect = QProcessEnvironment::systemEnvironment().value(QStringLiteral("MGN_EXPECT_KEYCHAIN"));
    QVERIFY2(m_expect == u"available" || m_expect == u"unavailable",
        "set MGN_EXPECT_KEYCHAIN to available or unavailable (see tests/CMakeLists.txt)");
}

void TestKeychainSecretStore::roundTrip()
{
    if (m_expect != u"available")
        QSKIP("this run has no keychain service by design; see unavailable()");
    KeychainSecretStore store(QStringLiteral("mgn-dashboard-test"));
    const QString key = QStringLiteral("aws-profile/keychain-test");
    const QByteArray secret = R"({"accessKeyId":"AKIDKEYCHAIN","secretAccessKey":"kc-secret"})";

    auto written = wait([&](auto done) { store.write(key, secret, this, done); });
    QVERIFY2(written.status == SecretStore::Status::Ok, qPrintable(written.message));
    auto read = wait([&](auto done) { store.read(key, this, done); });
    QVERIFY2(read.status == SecretStore::Status::Ok, qPrintable(read.message));
    QCOMPARE(read.data, secret);

    // Through ProfileKeyStore, as the app uses it.
    ProfileKeyStore profiles(store);
    std::optional<ProfileKeyStore::Result> loaded;
    profiles.load(
        QStringLiteral("keychain-test"), this, [&](const ProfileKeyStore::Result &r) { loaded = r; });
    QVERIFY(QTest::qWaitFor([&] { return loaded.has_value(); }, 30000));
    QVERIFY(loaded->credentials);
    QCOMPARE(loaded->credentials->accessKeyId, QStringLiteral("AKIDKEYCHAIN"));

    auto removed = wait([&](auto done) { store.remove(key, this, done); });
    QVERIFY2(removed.status == SecretStore::Status::Ok, qPrintable(removed.message));
    auto gone = wait([&](auto done) { store.read(key, this, done); });
    QCOMPARE(int(gone.status), int(SecretStore::Status::NotFound));
}

void TestKeychainSecretStore::unavailable()
{
    if (m_expect != u"unavailable")
        QSKIP("this run has a keychain service; see roundTrip()");
    KeychainSecretStore store(QStringLiteral("mgn-dashboard-test"));
    auto written = wait([&](auto done) { store.write(QStringLiteral("aws-profile/x"), "s", this, done); });
    QVERIFY2(written.status == SecretStore::Status::Unavailable, qPrintable(written.message));
    QVERIFY2(written.message.contains(QStringLiteral("No keychain service")), qPrintable(written.message));
    // Reading answers too: Unavailable, or NotFound where a Secret Service is
    // activatable but has no collection (nothing can have been stored there).
    auto read = wait([&](auto done) { store.read(QStringLiteral("aws-profile/x"), this, done); });
    QVERIFY2(read.status == SecretStore::Status::Unavailable || read.status == SecretStore::Status::NotFound,
        qPrintable(read.message));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
