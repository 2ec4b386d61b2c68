#include "app/aws/ProfileKeyStore.h"
#include "tests/support/MemorySecretStore.h"
#include "ui/dialogs/CredentialsDialog.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

class TestCredentialsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savesToTheKeychain();
    void noKeychainKeepsWhatWasTyped();
    void validation_data();
    void validation();
    void secretsAreMasked();
};

namespace {

void fill(CredentialsDialog &dialog, const QString &key, const QString &secret, const QString &token = {})
{
    dialog.accessKeyEdit()->setText(key);
    dialog.secretEdit()->setText(secret);
    dialog.sessionTokenEdit()->setText(token);
}

} // namespace

void TestCredentialsDialog::savesToTheKeychain()
{
    MemorySecretStore secrets;
    ProfileKeyStore store(secrets);
    CredentialsDialog dialog(&store, u"dev"_s);
    fill(dialog, u"MGNTESTACCESSKEYID00"_s, u"typed-secret"_s, u"token"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.save();
    QTRY_COMPARE(accepted.size(), 1);
    QVERIFY(secrets.entries.contains(ProfileKeyStore::keyFor(u"dev"_s)));
    std::optional<AwsCredentials> loaded;
    store.load(u"dev"_s, this, [&](const ProfileKeyStore::Result &result) { loaded = result.credentials; });
    QTRY_VERIFY(loaded);
    QCOMPARE(loaded->accessKeyId, u"MGNTESTACCESSKEYID00"_s);
    QCOMPARE(loaded->secretAccessKey, u"typed-secret"_s);
    QCOMPARE(loaded->sessionToken, std::optional<QString>(u"token"_s));
}

void TestCredentialsDialog::noKeychainKeepsWhatWasTyped()
{
    MemorySecretStore secrets;
    secrets.available = false;
    ProfileKeyStore store(secrets);
    CredentialsDialog dialog(&store, u"dev"_s);
    fill(dialog, u"MGNTESTACCESSKEYID00"_s, u"typed-secret"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.save();
    QTRY_VERIFY(dialog.statusText().startsWith(u"No keychain service is available"_s));
    QCOMPARE(accepted.size(), 0);
    QCOMPARE(dialog.accessKeyEdit()->text(), u"MGNTESTACCESSKEYID00"_s);
    QCOMPARE(dialog.secretEdit()->text(), u"typed-secret"_s);
    QVERIFY(!dialog.statusText().contains(u"typed-secret"_s));
    QVERIFY(!dialog.secretEdit()->isReadOnly());
}

void TestCredentialsDialog::validation_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("message");
    QTest::newRow("no profile") << QString() << u"MGNTESTACCESSKEYID00"_s << u"s"_s << u"A profile name"_s;
    QTest::newRow("bad key") << u"dev"_s << u"akia-lower"_s << u"s"_s << u"An access key ID"_s;
    QTest::newRow("no secret") << u"dev"_s << u"MGNTESTACCESSKEYID00"_s << QString()
                               << u"The secret access key is missing"_s;
}

void TestCredentialsDialog::validation()
{
    QFETCH(QString, profile);
    QFETCH(QString, key);
    QFETCH(QString, secret);
    QFETCH(QString, message);
    MemorySecretStore secrets;
    ProfileKeyStore store(secrets);
    CredentialsDialog dialog(&store, profile);
    fill(dialog, key, secret);
    dialog.save();
    QVERIFY2(dialog.statusText().startsWith(message), qPrintable(dialog.statusText()));
    QCOMPARE(secrets.calls, 0);
}

void TestCredentialsDialog::secretsAreMasked()
{
    MemorySecretStore secrets;
    ProfileKeyStore store(secrets);
    CredentialsDialog dialog(&store, u"dev"_s);
    QCOMPARE(dialog.secretEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.sessionTokenEdit()->echoMode(), QLineEdit::Password);
}

QTEST_MAIN(TestCredentialsDialog)
#include "tst_credentialsdialog.moc"
