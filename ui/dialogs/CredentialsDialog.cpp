#include "ui/dialogs/CredentialsDialog.h"

#include "app/aws/ProfileKeyStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace mgn {

CredentialsDialog::CredentialsDialog(ProfileKeyStore *store, const QString &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_profile(new QLineEdit(profile))
    , m_accessKey(new QLineEdit)
    , m_secret(new QLineEdit)
    , m_sessionToken(new QLineEdit)
    , m_status(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("AWS credentials"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_sessionToken->setEchoMode(QLineEdit::Password);
    m_accessKey->setPlaceholderText(tr("AKIA..."));
    m_sessionToken->setPlaceholderText(tr("only for temporary credentials"));
    for (QLineEdit *edit : { m_profile, m_accessKey, m_secret, m_sessionToken })
        edit->setClearButtonEnabled(true);
    m_profile->setAccessibleName(tr("Profile"));
    m_accessKey->setAccessibleName(tr("Access key ID"));
    m_secret->setAccessibleName(tr("Secret access key"));
    m_sessionToken->setAccessibleName(tr("Session token"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Profile:"), m_profile);
    form->addRow(tr("&Access key ID:"), m_accessKey);
    form->addRow(tr("&Secret access key:"), m_secret);
    form->addRow(tr("Session &token:"), m_sessionToken);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The keys are kept in the system keychain, for this profile only.")));
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString CredentialsDialog::statusText() const
{
    return m_status->text();
}

QString CredentialsDialog::validate() const
{
    static const QRegularExpression profileName(QStringLiteral("^[A-Za-z0-9_.@-]+$"));
    static const QRegularExpression accessKey(QStringLiteral("^[A-Z0-9]{16,128}$"));
    if (!profileName.match(m_profile->text().trimmed()).hasMatch())
        return tr("A profile name is letters, digits and . _ - @");
    if (!accessKey.match(m_accessKey->text().trimmed()).hasMatch())
        return tr("An access key ID is 16 to 128 upper-case letters and digits (e.g. AKIA...)");
    if (m_secret->text().isEmpty())
        return tr("The secret access key is missing");
    return {};
}

void CredentialsDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    for (QLineEdit *edit : { m_profile, m_accessKey, m_secret, m_sessionToken })
        edit->setReadOnly(busy);
}

void CredentialsDialog::save()
{
    const QString problem = validate();
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    AwsCredentials credentials;
    credentials.accessKeyId = m_accessKey->text().trimmed();
    credentials.secretAccessKey = m_secret->text();
    if (!m_sessionToken->text().trimmed().isEmpty())
        credentials.sessionToken = m_sessionToken->text().trimmed();
    setBusy(true);
    m_status->setText(tr("Saving to the keychain..."));
    const QString profile = m_profile->text().trimmed();
    m_store->save(profile, credentials, this, [this, profile](const ProfileKeyStore::Result &result) {
        setBusy(false);
        switch (result.status) {
        case SecretStore::Status::Ok:
            m_status->setText(tr("Saved for profile %1.").arg(profile));
            accept();
            return;
        case SecretStore::Status::Unavailable:
            // What was typed stays: the user may copy it elsewhere.
            m_status->setText(
                tr("No keychain service is available on this system, so the keys were not saved. "
                   "Use ~/.aws/credentials, credential_process or the AWS_ACCESS_KEY_ID and "
                   "AWS_SECRET_ACCESS_KEY environment variables instead. (%1)")
                    .arg(result.message));
            return;
        case SecretStore::Status::AccessDenied:
            m_status->setText(tr("The keychain refused access: %1").arg(result.message));
            return;
        case SecretStore::Status::NotFound:
        case SecretStore::Status::Error:
            break;
        }
        m_status->setText(tr("The keys could not be saved: %1").arg(result.message));
    });
}

} // namespace mgn
