#include "models/json/JsonPath.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

bool isIdentifier(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
            return false;
    }
    return true;
}

} // namespace

QString JsonPath::toString() const
{
    QString out;
    appendTo(out);
    return out;
}

void JsonPath::appendTo(QString &out) const
{
    if (!m_parent)
        return;
    m_parent->appendTo(out);
    if (m_index >= 0) {
        out += u'[' + QString::number(m_index) + u']';
        return;
    }
    const QString key = m_key.toString();
    if (isIdentifier(key)) {
        if (!m_parent->isRoot())
            out += u'.';
        out += key;
    } else {
        QString escaped = key;
        escaped.replace(QChar(u'\\'), "\\\\"_L1).replace(QChar(u'"'), "\\\""_L1);
        out += u"[\"" + escaped + u"\"]";
    }
}

} // namespace mgn
