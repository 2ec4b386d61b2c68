#include "app/cli/HtmlText.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

struct Block final {
    int depth = 0; // list nesting; 0: a paragraph
    bool bullet = false;
    QString text;
};

QString decodeEntities(QString text)
{
    static const QRegularExpression numeric(u"&#(x?)([0-9a-fA-F]+);"_s);
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = numeric.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        bool ok = false;
        const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
        out += ok ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1) : m.captured();
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    out.replace(u"&lt;"_s, u"<"_s);
    out.replace(u"&gt;"_s, u">"_s);
    out.replace(u"&quot;"_s, u"\""_s);
    out.replace(u"&apos;"_s, u"'"_s);
    out.replace(u"&nbsp;"_s, u" "_s);
    out.replace(u"&amp;"_s, u"&"_s);
    return out;
}

QString collapse(const QString &text)
{
    return decodeEntities(text).simplified();
}

QList<Block> blocks(const QString &html)
{
    static const QRegularExpression tag(u"<\\s*(/?)\\s*([a-zA-Z0-9]+)[^>]*>"_s);
    static const QStringList blockTags = { u"p"_s, u"br"_s, u"div"_s, u"note"_s, u"important"_s, u"h1"_s,
        u"h2"_s, u"h3"_s, u"h4"_s, u"dd"_s, u"dt"_s, u"dl"_s, u"fullname"_s };
    QList<Block> result;
    Block current;
    int depth = 0;
    auto flush = [&]() {
        current.text = collapse(current.text);
        if (!current.text.isEmpty())
            result.append(current);
        current = Block { depth, false, QString() };
    };
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = tag.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        current.text += QStringView(html).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const bool closing = !m.captured(1).isEmpty();
        const QString name = m.captured(2).toLower();
        if (name == u"ul"_s || name == u"ol"_s) {
            flush();
            depth = qMax(0, depth + (closing ? -1 : 1));
            current.depth = depth;
        } else if (name == u"li"_s) {
            flush();
            if (!closing)
                current.bullet = true;
        } else if (blockTags.contains(name)) {
            flush();
        } else {
            // Inline tags (code, a, b, i, ...): their text stays, with a space
            // kept where the tag separated words.
        }
    }
    current.text += QStringView(html).mid(last);
    flush();
    return result;
}

QStringList wrap(const QString &text, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

} // namespace

QString HtmlText::plain(const QString &html)
{
    QStringList parts;
    for (const Block &block : blocks(html))
        parts.append(block.text);
    return parts.join(u' ');
}

QString HtmlText::summary(const QString &html)
{
    const QString text = plain(html);
    static const QRegularExpression sentenceEnd(u"\\.(\\s|$)"_s);
    const QRegularExpressionMatch m = sentenceEnd.match(text);
    return m.hasMatch() ? text.left(m.capturedStart() + 1) : text;
}

QString HtmlText::wrapped(const QString &html, int indent, int width)
{
    QStringList paragraphs;
    for (const Block &block : blocks(html)) {
        const int left = indent + 2 * qMax(0, block.depth - 1) + (block.bullet ? 2 : 0);
        const QStringList lines = wrap(block.text, qMax(20, width - left));
        QStringList out;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int pad = (block.bullet && i == 0) ? left - 2 : left;
            out.append(QString(pad, u' ') + (block.bullet && i == 0 ? u"* "_s : QString()) + lines.at(i));
        }
        paragraphs.append(out.join(u'\n'));
    }
    return paragraphs.join(u"\n\n"_s);
}

} // namespace mgn
