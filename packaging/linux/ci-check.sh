#!/usr/bin/env bash
# CI check of the installers, on Debian 12 as root (issue 6, "What must be shown"):
#   - the .deb, .rpm and .tar.gz build; lintian finds no error in the .deb;
#   - desktop-file-validate and appstreamcli validate pass on the installed files;
#   - the .deb unpacked into a temporary root (dpkg -x): its three programs run,
#     mgnctl talks to the installed emulator, the dashboard stays up 10 s with --demo;
#   - the Windows recipe compiles with makensis (cpack -G NSIS, both variants);
#   - the macOS Info.plist is valid against the plist DTD and holds the bundle's keys.
#
#   packaging/linux/ci-check.sh [BUILD_DIR]
#
# BUILD_DIR (default build-pkg) is reused when already configured, e.g. CI's
# test build: see packaging/linux/build.sh.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="$(realpath -m "${1:-$root/build-pkg}")"
started=$SECONDS
passed=0
failed=0

check() {
    local name="$1"
    shift
    echo "-- check: $name"
    if "$@"; then
        passed=$((passed + 1))
        echo "   ok: $name"
    else
        failed=$((failed + 1))
        echo "   FAILED: $name"
    fi
}

echo "== Dependencies"
if ! dpkg -s qt6-base-dev > /dev/null 2>&1; then
    bash "$root/tools/install-deps.sh"
fi
bash "$root/packaging/linux/install-deps.sh"

bash "$root/packaging/linux/build.sh" "$build_dir"
packages="$build_dir/packages"
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")"
deb="$(ls "$packages"/mgn-dashboard_"$version"_*.deb)"
rpm_file="$(ls "$packages"/mgn-dashboard-"$version"-*.rpm)"
tgz="$(ls "$packages"/mgn-dashboard-"$version"-linux-*.tar.gz)"
echo "== Version $version: $deb, $rpm_file, $tgz"

work="$(mktemp -d)"
emulator_pid=""
cleanup() {
    if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2> /dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

versions_agree() {
    local ok=0
    grep -q "^mgn-dashboard ($version) " "$root/packaging/linux/changelog" \
        || { echo "packaging/linux/changelog: no entry for $version first"; ok=1; }
    python3 - "$root/resources/io.github.mgn_dashboard.MgnDashboard.metainfo.xml" "$version" << 'EOF' || ok=1
import sys, xml.etree.ElementTree as ET
latest = ET.parse(sys.argv[1]).find("releases/release").get("version")
if latest != sys.argv[2]:
    sys.exit(f"metainfo: latest release is {latest}, the project is {sys.argv[2]}")
EOF
    for page in "$root"/packaging/linux/man/*.1; do
        grep -q "^\.TH .*\"MGN Dashboard $version\"" "$page" || { echo "$page: .TH names another version"; ok=1; }
    done
    return $ok
}
check "changelog, AppStream release and man pages name version $version" versions_agree

echo "== lintian"
# As root lintian only warns about it; its findings are printed in full.
lintian_out="$work/lintian.txt"
run_lintian() {
    lintian --display-info --fail-on error "$deb" > "$lintian_out" 2>&1
    local rc=$?
    sed 's/^/   /' "$lintian_out"
    echo "   lintian: $(grep -c '^E:' "$lintian_out" || true) errors, $(grep -c '^W:' "$lintian_out" || true) warnings, $(grep -c '^I:' "$lintian_out" || true) infos"
    return $rc
}
check "lintian: no error" run_lintian

echo "== The .deb unpacked into $work/root"
dpkg-deb --info "$deb" | sed 's/^/   /'
dpkg -x "$deb" "$work/root"
installed="$work/root/usr"

has_files() {
    local missing=0 f
    for f in bin/mgn-dashboard bin/mgnctl bin/mgn-emulator \
        share/applications/mgn-dashboard.desktop \
        share/metainfo/io.github.mgn_dashboard.MgnDashboard.metainfo.xml \
        share/icons/hicolor/scalable/apps/mgn-dashboard.svg \
        share/man/man1/mgn-dashboard.1.gz share/man/man1/mgnctl.1.gz share/man/man1/mgn-emulator.1.gz \
        share/doc/mgn-dashboard/copyright share/doc/mgn-dashboard/changelog.gz; do
        [ -e "$installed/$f" ] || { echo "   missing /usr/$f"; missing=1; }
    done
    for size in 16 24 32 48 64 128 256 512; do
        f="$installed/share/icons/hicolor/${size}x${size}/apps/mgn-dashboard.png"
        grep -q "PNG image data, $size x $size," <<< "$(file "$f")" || { echo "   not a ${size}px PNG: $f"; missing=1; }
    done
    return $missing
}
check "the .deb holds the programs, desktop file, metainfo, icons, man pages, copyright" has_files
check "desktop-file-validate" desktop-file-validate "$installed/share/applications/mgn-dashboard.desktop"
check "appstreamcli validate" appstreamcli validate --no-net --explain \
    "$installed/share/metainfo/io.github.mgn_dashboard.MgnDashboard.metainfo.xml"
# dpkg-shlibdeps sees the programs' libraries: simdjson (JsonTape) among them.
depends_on_simdjson() {
    dpkg-deb --field "$deb" Depends | grep -q 'libsimdjson'
}
check "the .deb depends on libsimdjson" depends_on_simdjson
# Every dependency dpkg-shlibdeps computed must be installable here.
check "the .deb's dependencies resolve (apt-get install --simulate)" \
    apt-get install --simulate --no-install-recommends "$deb"

# Programs of the unpacked root, with a throwaway home for settings and caches.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
    XDG_DATA_HOME="$work/home/.local/share" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

dashboard_version() {
    local out
    out="$("$installed/bin/mgn-dashboard" --version)" && echo "   $out" && [ "$out" = "mgn-dashboard $version" ]
}
check "installed mgn-dashboard --version" dashboard_version
runs_help() {
    local out
    out="$("$installed/bin/$1" --help)" && echo "   $(head -n 1 <<< "$out")" && grep -q "^Usage: " <<< "$out"
}
check "installed mgnctl --help" runs_help mgnctl
check "installed mgn-emulator --help" runs_help mgn-emulator

cli_against_emulator() {
    "$installed/bin/mgn-emulator" --port 0 --servers 12 --seed 3 > "$work/emulator.out" 2>&1 &
    emulator_pid=$!
    local i exports
    for i in $(seq 50); do
        exports="$(grep '^export ' "$work/emulator.out" || true)"
        [ -n "$exports" ] && break
        sleep 0.1
    done
    [ -n "$exports" ] || { cat "$work/emulator.out"; return 1; }
    local count
    count="$(env ${exports#export } "$installed/bin/mgnctl" describe-source-servers | grep -c '"sourceServerID"')"
    kill "$emulator_pid"
    wait "$emulator_pid" || true
    emulator_pid=""
    echo "   mgnctl listed $count servers of the installed emulator"
    [ "$count" -eq 12 ]
}
check "installed mgnctl lists the installed emulator's fleet" cli_against_emulator

demo_stays_up() {
    local rc=0
    QT_QPA_PLATFORM=offscreen timeout 10 "$installed/bin/mgn-dashboard" --demo > "$work/demo.out" 2>&1 || rc=$?
    sed 's/^/   /' "$work/demo.out" | tail -n 20
    # 124: still running when timeout stopped it after 10 s.
    echo "   exit status $rc (124 = still up after 10 s)"
    [ "$rc" -eq 124 ]
}
check "installed mgn-dashboard --demo stays up 10 s (offscreen)" demo_stays_up

echo "== The .rpm and the .tar.gz"
rpm_contents() {
    rpm -qpi "$rpm_file" | sed 's/^/   /'
    echo "   requires: $(rpm -qpR "$rpm_file" | grep -v '^rpmlib(' | cut -d'(' -f1 | sort -u | tr '\n' ' ')"
    grep -qx /usr/bin/mgn-dashboard <<< "$(rpm -qpl "$rpm_file")"
}
check "the .rpm holds /usr/bin/mgn-dashboard" rpm_contents
check "the .tar.gz holds bin/mgn-dashboard, bin/mgnctl, bin/mgn-emulator" bash -c '
    listing="$(tar -tzf "$1")"
    for f in mgn-dashboard mgnctl mgn-emulator; do grep -q "^[^/]*/bin/$f$" <<< "$listing" || exit 1; done' _ "$tgz"

echo "== Windows: the NSIS recipe through makensis"
# cpack generates the NSIS script from CPack's template and our settings and
# compiles it; the installer holds this machine's binaries, so it is only a
# check of the recipe and is thrown away.
nsis_compiles() {
    local variant="$1" level="$2" out="$work/nsis-$1"
    local extra=()
    [ "$variant" = "per-user" ] && extra=(-D MGN_PER_USER=ON)
    (cd "$build_dir" && cpack -G NSIS "${extra[@]}" -B "$out") > "$out.log" 2>&1 \
        || { sed 's/^/   /' "$out.log"; return 1; }
    local exe
    exe="$(ls "$out"/*.exe)"
    echo "   built $exe"
    [ "$variant" != "per-user" ] || [[ "$exe" == *-user.exe ]] || return 1
    # The installer's manifest: elevation (per machine) or none (per user).
    grep -q "requestedExecutionLevel level=\"$level\"" <<< "$(strings "$exe")"
}
check "makensis compiles the per-machine installer (requireAdministrator)" \
    nsis_compiles per-machine requireAdministrator
check "makensis compiles the per-user installer (asInvoker, -user.exe)" nsis_compiles per-user asInvoker

echo "== macOS: Info.plist"
plist="$build_dir/packaging/macos/Info.plist"
check "Info.plist is valid against the plist DTD (xmllint)" \
    env XML_CATALOG_FILES="$root/packaging/macos/plist-catalog.xml" xmllint --nonet --noout --valid "$plist"
check "Info.plist holds the bundle's keys (plistlib)" \
    python3 "$root/packaging/macos/check-plist.py" "$plist" "$version" "$root/resources/icons"

check "shell scripts parse (bash -n)" bash -c 'for f in "$@"; do bash -n "$f" || exit 1; done' _ \
    "$root"/packaging/linux/*.sh "$root"/packaging/macos/*.sh "$root"/packaging/icons/*.sh

echo "== Packages"
ls -l "$packages" | sed 's/^/   /'
echo "== ci-check took $((SECONDS - started)) s"
echo "packaging: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
