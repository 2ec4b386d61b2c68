#pragma once

class QCoreApplication;

namespace mgn {

// The programs' translations, from the resources (resources/translations):
// the user's language when there is one for it, else English, whose only
// messages are the plural forms of texts with %n ("%n source server(s)").
class Translations final
{
public:
    // Installs a QTranslator owned by `application`; false when none loads.
    static bool install(QCoreApplication *application);
};

} // namespace mgn
