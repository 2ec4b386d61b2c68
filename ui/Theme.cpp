#include "ui/Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace mgn {

namespace {

struct Original final {
    QString styleName;
    QPalette palette;
};

// The platform's look, remembered before the first change so System can go back to it.
const Original &original()
{
    static const Original look { QApplication::style()->name(), QApplication::palette() };
    return look;
}

Theme::Choice &currentChoice()
{
    static Theme::Choice choice = Theme::Choice::System;
    return choice;
}

} // namespace

void Theme::apply(Choice choice)
{
    const Original &platform = original();
    currentChoice() = choice;
    if (choice == Choice::System) {
        if (QStyle *style = QStyleFactory::create(platform.styleName))
            QApplication::setStyle(style);
        QApplication::setPalette(platform.palette);
        return;
    }
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(choice == Choice::Dark ? darkPalette() : lightPalette());
}

Theme::Choice Theme::current()
{
    return currentChoice();
}

QPalette Theme::lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette palette = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    // The console's link blue for selection and links.
    palette.setColor(QPalette::Highlight, QColor(0x00, 0x73, 0xbb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x00, 0x73, 0xbb));
    return palette;
}

QPalette Theme::darkPalette()
{
    const QColor window(0x23, 0x2f, 0x3e);
    const QColor base(0x1a, 0x23, 0x2f);
    const QColor text(0xe9, 0xeb, 0xed);
    const QColor disabledText(0x6b, 0x74, 0x7c);
    const QColor accent(0x53, 0x9f, 0xe5);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x5d, 0x64));
    palette.setColor(QPalette::Light, window.lighter(150));
    palette.setColor(QPalette::Midlight, window.lighter(125));
    palette.setColor(QPalette::Mid, window.darker(125));
    palette.setColor(QPalette::Dark, window.darker(150));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, accent);
    palette.setColor(QPalette::HighlightedText, base);
    palette.setColor(QPalette::Link, accent);
    palette.setColor(QPalette::LinkVisited, accent.lighter(120));
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(130));
    return palette;
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QString Theme::key(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme::Choice> Theme::fromKey(const QString &key)
{
    for (const Choice choice : { Choice::System, Choice::Light, Choice::Dark }) {
        if (Theme::key(choice) == key)
            return choice;
    }
    return std::nullopt;
}

QString Theme::label(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QCoreApplication::translate("Theme", "&Light");
    case Choice::Dark:
        return QCoreApplication::translate("Theme", "&Dark");
    case Choice::System:
        break;
    }
    return QCoreApplication::translate("Theme", "&System");
}

} // namespace mgn
