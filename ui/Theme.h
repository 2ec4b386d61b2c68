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
namespace Theme {
enum class Choice { System, Light, Dark };

// Applies to the whole application; widgets get a PaletteChange event.
void apply(Choice choice);
Choice current();

QPalette lightPalette();
QPalette darkPalette();
// Whether a palette draws light text on dark windows.
bool isDark(const QPalette &palette);

// For QSettings: "system", "light", "dark".
QString key(Choice choice);
std::optional<Choice> fromKey(const QString &key);
QString label(Choice choice);
} // namespace Theme

} // namespace mgn
