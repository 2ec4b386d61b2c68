#include "app/cli/ParamFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QString expandUser(const QString &path)
{
    if (path == u"~"_s || path.startsWith(u"~/"_s))
        return QDir::homePath() + path.mid(1);
    return path;
}

// os.path.expandvars: $NAME and ${NAME} of variables that are set; others stay.
QString expandVariables(const QString &path)
{
    static const QRegularExpression variable(u"\\$(\\w+|\\{[^}]*\\})"_s);
    QString expanded;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = variable.globalMatch(path);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString name = match.captured(1);
        if (name.startsWith(u'{'))
            name = name.mid(1, name.size() - 2);
        expanded += path.mid(last, match.capturedStart() - last);
        const QByteArray key = name.toLocal8Bit();
        expanded += qEnvironmentVariableIsSet(key.constData()) ? qEnvironmentVariable(key.constData())
                                                               : match.captured();
        last = match.capturedEnd();
    }
    return expanded + path.mid(last);
}

// Python's OSError text for a file that does not open.
QString osError(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return u"[Errno 2] No such file or directory: '%1'"_s.arg(path);
    if (info.isDir())
        return u"[Errno 21] Is a directory: '%1'"_s.arg(path);
    return u"[Errno 13] Permission denied: '%1'"_s.arg(path);
}

} // namespace

bool ParamFile::isParamFile(const QString &value)
{
    return value.startsWith(u"file://"_s) || value.startsWith(u"fileb://"_s);
}

std::optional<QString> ParamFile::load(const QString &value, QString *error)
{
    const bool binary = value.startsWith(u"fileb://"_s);
    if (!binary && !value.startsWith(u"file://"_s))
        return std::nullopt;
    const QString path = expandVariables(expandUser(value.mid(binary ? 8 : 7)));
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
        *error = u"Unable to load paramfile %1: %2"_s.arg(value, osError(path));
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    if (binary)
        return QString::fromLatin1(data);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(data);
    if (decoder.hasError()) {
        *error = u"Unable to load paramfile (%1), text contents could not be decoded.  If this is a binary "
                 u"file, please use the fileb:// prefix instead of the file:// prefix."_s.arg(path);
        return std::nullopt;
    }
    // Python's text mode reads with universal newlines.
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return text;
}

} // namespace mgn
