#!/usr/bin/env bash
# Installs the Debian packages that building and checking the installers needs,
# on top of tools/install-deps.sh (the build itself). Through sudo unless root.
#   dpkg-dev: dpkg-shlibdeps for the .deb's dependencies; rpm: rpmbuild;
#   lintian, desktop-file-utils, appstream: the checks of the .deb;
#   nsis: makensis for the Windows installer recipe; libxml2-utils: xmllint.
set -euo pipefail

packages=(
    dpkg-dev rpm file
    lintian desktop-file-utils appstream
    nsis libxml2-utils python3
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${packages[@]}"
