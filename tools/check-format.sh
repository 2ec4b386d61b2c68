#!/usr/bin/env bash
# Fails when a C++ file of the repository differs from what Debian 12's
# clang-format-14 makes of it with the project's .clang-format. Fix with
#   git ls-files '*.cpp' '*.h' | xargs clang-format-14 -i
set -euo pipefail
cd "$(dirname "$0")/.."
format=${CLANG_FORMAT:-clang-format-14}
git ls-files -z '*.cpp' '*.h' | xargs -0 "$format" --dry-run --Werror
echo "check-format: $(git ls-files '*.cpp' '*.h' | wc -l) files formatted as .clang-format says"
