#pragma once

class QCoreApplication;

namespace mgn {

// The programs' translations, from the resources (resources/translations):
// the user's language when there is one for it, else English, whose only
// messages are the plural forms of texts with %n ("%n source server(s)").
namespace Translations {
// Installs a QTranslator owned by `application`; false when none loads.
bool install(QCoreApplication *application);
} // namespace Translations

} // namespace mgn
