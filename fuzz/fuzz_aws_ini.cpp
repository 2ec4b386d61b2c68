// ~/.aws/config and ~/.aws/credentials: AwsIniFile::parse never crashes, a
// file it accepts is well formed (named sections, lower-case keys, no key
// twice), and written back as INI it parses to the same sections. The input
// is split at the first NUL into a config and a credentials file for
// AwsConfigFiles, whose every profile must be readable.
#include "app/aws/AwsConfigFiles.h"
#include "app/aws/AwsIniFile.h"
#include "fuzz/FuzzCheck.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace mgn;

namespace {

// A parsed file written back: multi-line values as indented continuation
// lines, nested blocks as "key =" and indented "name = value" lines.
QByteArray writeIni(const AwsIniFile &file)
{
    QString text;
    for (const AwsIniSection &section : file.sections) {
        text += u'[' + section.name + u"]\n";
        for (auto it = section.values.cbegin(); it != section.values.cend(); ++it)
            text += it.key() + u" = " + QString(it.value()).replace(u'\n', QStringLiteral("\n  ")) + u'\n';
        for (auto it = section.nested.cbegin(); it != section.nested.cend(); ++it) {
            text += it.key() + u" =\n";
            for (auto entry = it->cbegin(); entry != it->cend(); ++entry)
                text += u"  " + entry.key() + u" = " + entry.value() + u'\n';
        }
    }
    return text.toUtf8();
}

bool sameSections(const AwsIniFile &a, const AwsIniFile &b)
{
    if (a.sections.size() != b.sections.size())
        return false;
    for (qsizetype i = 0; i < a.sections.size(); ++i) {
        const AwsIniSection &x = a.sections.at(i);
        const AwsIniSection &y = b.sections.at(i);
        if (x.name != y.name || x.values != y.values || x.nested != y.nested)
            return false;
    }
    return true;
}

void checkFile(const QByteArray &content)
{
    const AwsIniFile file = AwsIniFile::parse(content, QStringLiteral("config"));
    if (file.error) {
        MGN_FUZZ_CHECK(!file.error->problem.isEmpty());
        return;
    }
    QSet<QString> names;
    for (const AwsIniSection &section : file.sections) {
        MGN_FUZZ_CHECK(!section.name.isEmpty() && !names.contains(section.name));
        names.insert(section.name);
        MGN_FUZZ_CHECK(file.section(section.name) == &section);
        for (auto it = section.values.cbegin(); it != section.values.cend(); ++it) {
            MGN_FUZZ_CHECK(!it.key().isEmpty() && it.key() == it.key().toLower());
            MGN_FUZZ_CHECK(!section.nested.contains(it.key()));
        }
    }

    const AwsIniFile again = AwsIniFile::parse(writeIni(file), QStringLiteral("config"));
    MGN_FUZZ_CHECK(!again.error);
    MGN_FUZZ_CHECK(sameSections(file, again));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    checkFile(input);

    const qsizetype split = input.indexOf('\0');
    const QByteArray config = split < 0 ? input : input.left(split);
    const QByteArray credentials = split < 0 ? QByteArray() : input.mid(split + 1);
    const AwsConfigFiles files = AwsConfigFiles::fromContent(config, credentials);
    for (const QString &name : files.profileNames()) {
        const std::optional<AwsProfileData> profile = files.profile(name);
        MGN_FUZZ_CHECK(profile.has_value() && profile->name == name);
        for (const QString &key : profile->credentialsFileKeys)
            MGN_FUZZ_CHECK(profile->value(key).has_value());
    }
    files.serviceSettings(QStringLiteral("local"), QStringLiteral("mgn"));
    return 0;
}
