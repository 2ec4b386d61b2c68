#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace mgn {

class ProfileKeyStore;

// Keys typed by the user for a profile, kept in the OS keychain through
// ProfileKeyStore (never in QSettings or a log). When no keychain service
// runs, the dialog says so, keeps what was typed, and points to the other
// sources of the credentials chain.
class CredentialsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsDialog)

public:
    CredentialsDialog(ProfileKeyStore *store, const QString &profile, QWidget *parent = nullptr);

    QLineEdit *profileEdit() const { return m_profile; }
    QLineEdit *accessKeyEdit() const { return m_accessKey; }
    QLineEdit *secretEdit() const { return m_secret; }
    QLineEdit *sessionTokenEdit() const { return m_sessionToken; }
    QString statusText() const;

    // Saves to the keychain; accept() once it is stored.
    void save();

private:
    QString validate() const;
    void setBusy(bool busy);

    ProfileKeyStore *m_store;
    QLineEdit *m_profile;
    QLineEdit *m_accessKey;
    QLineEdit *m_secret;
    QLineEdit *m_sessionToken;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

} // namespace mgn
