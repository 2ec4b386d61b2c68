#include "app/aws/AwsIniFile.h"

#include <QCoreApplication>

namespace mgn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AwsIniFile", text);
}

bool isCommentOrBlank(QStringView trimmed)
{
    return trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u';');
}

// The first '=' or ':' separates key and value, as in RawConfigParser.
qsizetype delimiterIndex(QStringView line)
{
    const auto eq = line.indexOf(u'=');
    const auto colon = line.indexOf(u':');
    if (eq < 0)
        return colon;
    if (colon < 0)
        return eq;
    return std::min(eq, colon);
}

} // namespace

QString AwsIniError::toString() const
{
    return file + u':' + QString::number(line) + u": " + problem;
}

const AwsIniSection *AwsIniFile::section(const QString &name) const
{
    for (const auto &s : sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

AwsIniFile AwsIniFile::parse(const QByteArray &content, const QString &fileName)
{
    AwsIniFile file;
    file.fileName = fileName;

    const QString text = QString::fromUtf8(content);
    if (text.toUtf8() != content) {
        file.error = AwsIniError { fileName, 0, tr("the file is not valid UTF-8") };
        return file;
    }
    const auto lines = QStringView(text).split(u'\n');

    qsizetype currentIndex = -1; // index of the section being read
    QString currentKey; // the option a continuation line belongs to
    int currentKeyIndent = -1;
    QList<std::pair<int, QString>> continuation; // (line number, text) continuing currentKey

    auto fail = [&](int line, const QString &problem) {
        file.error = AwsIniError { fileName, line, problem };
    };

    // A value that was empty on its own line and continued on indented lines
    // is a nested block of key = value lines (one level, like botocore).
    auto finishKey = [&]() -> bool {
        if (currentIndex < 0 || currentKey.isEmpty())
            return true;
        auto &current = file.sections[currentIndex];
        auto &value = current.values[currentKey];
        if (value.isEmpty() && !continuation.isEmpty()) {
            QMap<QString, QString> nested;
            for (const auto &[lineNo, raw] : std::as_const(continuation)) {
                const auto trimmed = QStringView(raw).trimmed();
                if (trimmed.isEmpty())
                    continue;
                const auto at = trimmed.indexOf(u'=');
                if (at < 0) {
                    fail(lineNo, tr("nested value of \"%1\" is not a \"key = value\" line").arg(currentKey));
                    return false;
                }
                nested.insert(
                    trimmed.left(at).trimmed().toString(), trimmed.mid(at + 1).trimmed().toString());
            }
            current.nested.insert(currentKey, nested);
            current.values.remove(currentKey);
        } else {
            for (const auto &[lineNo, raw] : std::as_const(continuation))
                value += u'\n' + QStringView(raw).trimmed();
        }
        currentKey.clear();
        continuation.clear();
        currentKeyIndent = -1;
        return true;
    };

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        QStringView line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const auto trimmed = line.trimmed();
        qsizetype leading = 0;
        while (leading < line.size() && (line.at(leading) == u' ' || line.at(leading) == u'\t'))
            ++leading;

        if (isCommentOrBlank(trimmed)) {
            // Blank lines inside a continued value are kept by RawConfigParser
            // only between indented lines; dropping them changes nothing here.
            continue;
        }

        if (leading > 0 && !currentKey.isEmpty() && int(leading) > currentKeyIndent) {
            continuation.append({ lineNo, line.toString() });
            continue;
        }

        if (!finishKey())
            return file;

        if (trimmed.startsWith(u'[')) {
            if (!trimmed.endsWith(u']')) {
                fail(lineNo, tr("section header without a closing \"]\""));
                return file;
            }
            const QString name = trimmed.mid(1, trimmed.size() - 2).trimmed().toString();
            if (name.isEmpty()) {
                fail(lineNo, tr("empty section name"));
                return file;
            }
            if (file.section(name)) {
                fail(lineNo, tr("section \"%1\" appears twice").arg(name));
                return file;
            }
            file.sections.append(AwsIniSection { name, lineNo, {}, {} });
            currentIndex = file.sections.size() - 1;
            continue;
        }

        if (currentIndex < 0) {
            fail(lineNo, tr("\"%1\" is outside any [section]").arg(trimmed.left(40)));
            return file;
        }
        const auto at = delimiterIndex(trimmed);
        if (at < 0) {
            fail(lineNo, tr("expected \"key = value\", found \"%1\"").arg(trimmed.left(40)));
            return file;
        }
        const QString key = trimmed.left(at).trimmed().toString().toLower();
        if (key.isEmpty()) {
            fail(lineNo, tr("a value without a key"));
            return file;
        }
        auto &current = file.sections[currentIndex];
        if (current.values.contains(key) || current.nested.contains(key)) {
            fail(lineNo, tr("\"%1\" appears twice in section \"%2\"").arg(key, current.name));
            return file;
        }
        current.values.insert(key, trimmed.mid(at + 1).trimmed().toString());
        currentKey = key;
        currentKeyIndent = int(leading);
    }
    finishKey();
    return file;
}

} // namespace mgn
