#include "emulator/service/OperationRouter.h"

#include <QList>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// The requestUri without its query part ("/x?y" has none in this model, but
// the syntax allows it), split into segments.
QList<QByteArray> segments(const QByteArray &path)
{
    const qsizetype query = path.indexOf('?');
    return (query < 0 ? path : path.left(query)).split('/');
}

bool isLabel(const QByteArray &segment)
{
    return segment.startsWith('{') && segment.endsWith('}');
}

} // namespace

OperationRouter::Match OperationRouter::match(
    const api::ApiModel &model, const QByteArray &method, const QByteArray &path)
{
    const QList<QByteArray> actual = segments(path);
    for (const api::Operation &operation : model.operations()) {
        if (operation.method != method)
            continue;
        const QList<QByteArray> pattern = segments(operation.requestUri.toUtf8());
        if (pattern.size() != actual.size())
            continue;
        Match found { &operation, {} };
        for (qsizetype i = 0; i < pattern.size() && found.operation; ++i) {
            if (isLabel(pattern.at(i))) {
                QByteArray name = pattern.at(i).mid(1, pattern.at(i).size() - 2);
                if (name.endsWith('+'))
                    name.chop(1);
                if (actual.at(i).isEmpty())
                    found.operation = nullptr;
                else
                    found.labels.insert(QString::fromUtf8(name),
                        QString::fromUtf8(QByteArray::fromPercentEncoding(actual.at(i))));
            } else if (pattern.at(i) != actual.at(i)) {
                found.operation = nullptr;
            }
        }
        if (found.operation)
            return found;
    }
    return {};
}

} // namespace mgn
