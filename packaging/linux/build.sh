#!/usr/bin/env bash
# Builds the Linux packages (.deb, .rpm, .tar.gz) into BUILD_DIR/packages.
#
#   packaging/linux/build.sh [BUILD_DIR]        (default: build-pkg)
#
# A BUILD_DIR that is not configured yet is configured for a release: Release,
# no tests, Debian's hardening flags (dpkg-buildflags). A configured one (for
# example CI's test build) is built as it is and packaged, which saves a
# second compilation; CPack strips the binaries either way.
# MGN_PACKAGE_GENERATORS overrides the generators (default "DEB;RPM;TGZ").
# Needs tools/install-deps.sh and packaging/linux/install-deps.sh.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="$(realpath -m "${1:-$root/build-pkg}")"
generators="${MGN_PACKAGE_GENERATORS:-DEB;RPM;TGZ}"

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    echo "== Configuring a release build in $build_dir"
    # Debian's hardening flags (stack protector, fortify, relro, bindnow).
    eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
    CXXFLAGS="$CPPFLAGS $CXXFLAGS" cmake -S "$root" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=Release -DMGN_BUILD_TESTS=OFF
else
    echo "== Reusing the configured build in $build_dir"
fi

echo "== Building"
nice -n 10 cmake --build "$build_dir"

echo "== Packaging ($generators)"
rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack -G "$generators" -B "$build_dir/packages")
rm -rf "$build_dir/packages/_CPack_Packages"
ls -l "$build_dir/packages"
