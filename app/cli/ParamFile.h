#pragma once

#include <QString>

#include <optional>

namespace mgn {

// The AWS CLI's parameter files (awscli/paramfile.py, its local prefixes):
// a value "file://path" stands for the text of that file, "fileb://path" for
// its bytes. "~" and $VARIABLES in the path are expanded as Python's
// os.path.expanduser and os.path.expandvars do.
class ParamFile final
{
public:
    // The contents the value names; nullopt when it names no file. A file
    // that cannot be read sets `error` (the CLI's text) and gives nullopt.
    static std::optional<QString> load(const QString &value, QString *error);
    // Whether the value starts with one of the prefixes.
    static bool isParamFile(const QString &value);
};

} // namespace mgn
