#pragma once

#include <QCoreApplication>
#include <QPalette>
#include <QString>

#include <optional>

namespace mgn {

// The application's look: the platform's own style and palette, or light and
// dark palettes on the Fusion style (which follows a palette everywhere,
// unlike some platform styles). Qt 6.4 cannot ask the platform for its colour
// scheme, so "System" keeps whatever the platform gave at start.
class Theme final
{
    Q_DECLARE_TR_FUNCTIONS(Theme)

public:
    enum class Choice { System, Light, Dark };

    // Applies to the whole application; widgets get a PaletteChange event.
    static void apply(Choice choice);
    static Choice current();

    static QPalette lightPalette();
    static QPalette darkPalette();
    // Whether a palette draws light text on dark windows.
    static bool isDark(const QPalette &palette);

    // For QSettings: "system", "light", "dark".
    static QString key(Choice choice);
    static std::optional<Choice> fromKey(const QString &key);
    static QString label(Choice choice);
};

} // namespace mgn
