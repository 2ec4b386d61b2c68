#include "app/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace mgn {

bool Translations::install(QCoreApplication *application)
{
    auto *translator = new QTranslator(application);
    if (translator->load(QLocale(), QStringLiteral("mgn"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral(":/i18n/mgn_en.qm"))) {
        return QCoreApplication::installTranslator(translator);
    }
    delete translator;
    return false;
}

} // namespace mgn
