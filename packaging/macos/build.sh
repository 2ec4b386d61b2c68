#!/usr/bin/env bash
# Builds the macOS DMG (mgn-dashboard.app, deployed with macdeployqt) into
# BUILD_DIR/packages; signs and notarizes it when the environment says how.
#
#   packaging/macos/build.sh [BUILD_DIR]        (default: build-pkg)
#
# A BUILD_DIR that is already configured (CI's test build) is reused.
# CMAKE_PREFIX_PATH must find Qt 6 (6.4 or later) and qtkeychain.
# Optional environment (never commit these values):
#   MGN_CODESIGN_IDENTITY        "Developer ID Application: NAME (TEAMID)": sign the
#                                bundle (hardened runtime) and the DMG
#   MGN_CODESIGN_P12_BASE64      the identity's certificate and key (.p12, base64),
#   MGN_CODESIGN_P12_PASSWORD    imported into a temporary keychain (CI)
#   MGN_NOTARY_KEYCHAIN_PROFILE  a profile of `xcrun notarytool store-credentials`, or
#   MGN_NOTARY_APPLE_ID, MGN_NOTARY_TEAM_ID, MGN_NOTARY_PASSWORD (app-specific password):
#                                notarize the DMG and staple the ticket
#   MGN_MACOS_MINIMUM            LSMinimumSystemVersion and deployment target (11.0)
#                                of a BUILD_DIR this script configures
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="${1:-$root/build-pkg}"
identity="${MGN_CODESIGN_IDENTITY:-}"

if [ -n "${MGN_CODESIGN_P12_BASE64:-}" ]; then
    echo "== Importing the signing identity into a temporary keychain"
    keychain="$(mktemp -d)/mgn-signing.keychain-db"
    keychain_password="$(uuidgen)"
    security create-keychain -p "$keychain_password" "$keychain"
    security set-keychain-settings -lut 3600 "$keychain"
    security unlock-keychain -p "$keychain_password" "$keychain"
    p12="$(dirname "$keychain")/identity.p12"
    printf '%s' "$MGN_CODESIGN_P12_BASE64" | base64 --decode > "$p12"
    security import "$p12" -k "$keychain" -P "${MGN_CODESIGN_P12_PASSWORD:-}" -T /usr/bin/codesign
    rm -f "$p12"
    security set-key-partition-list -S apple-tool:,apple: -s -k "$keychain_password" "$keychain" > /dev/null
    # shellcheck disable=SC2046 # the keychain list is a list of words
    security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
    trap 'security delete-keychain "$keychain"' EXIT
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    echo "== Configuring a release build in $build_dir"
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMGN_BUILD_TESTS=OFF \
        -DCMAKE_OSX_DEPLOYMENT_TARGET="${MGN_MACOS_MINIMUM:-11.0}"
else
    echo "== Reusing the configured build in $build_dir"
fi
cmake --build "$build_dir"

echo "== DMG (macdeployqt and signing run in the install step)"
rm -rf "$build_dir/packages"
(cd "$build_dir" && MGN_CODESIGN_IDENTITY="$identity" cpack -G DragNDrop -B "$build_dir/packages")
dmg="$(ls "$build_dir"/packages/*.dmg)"

if [ -n "$identity" ]; then
    codesign --force --timestamp --sign "$identity" "$dmg"
    notary=()
    if [ -n "${MGN_NOTARY_KEYCHAIN_PROFILE:-}" ]; then
        notary=(--keychain-profile "$MGN_NOTARY_KEYCHAIN_PROFILE")
    elif [ -n "${MGN_NOTARY_APPLE_ID:-}" ]; then
        notary=(--apple-id "$MGN_NOTARY_APPLE_ID" --team-id "$MGN_NOTARY_TEAM_ID"
            --password "$MGN_NOTARY_PASSWORD")
    fi
    if [ ${#notary[@]} -gt 0 ]; then
        echo "== Notarizing $dmg"
        xcrun notarytool submit "$dmg" "${notary[@]}" --wait
        xcrun stapler staple "$dmg"
        xcrun stapler validate "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose "$dmg"
    else
        echo "== No notarization credentials: the DMG is signed, not notarized"
    fi
fi
ls -l "$build_dir/packages"
