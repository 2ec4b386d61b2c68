#!/usr/bin/env python3
"""Checks the configured Info.plist of the macOS bundle, as plutil -lint would,
plus the keys the bundle needs: check-plist.py INFO_PLIST VERSION ICONS_DIR."""
import plistlib
import re
import sys
from pathlib import Path


def main() -> int:
    plist_path, version, icons = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    with open(plist_path, "rb") as f:
        info = plistlib.load(f, fmt=plistlib.FMT_XML)

    expected = {
        "CFBundleExecutable": "mgn-dashboard",
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
    }
    errors = [f"{key} is {info.get(key)!r}, expected {value!r}"
              for key, value in expected.items() if info.get(key) != value]
    # Bundle IDs allow only letters, digits, hyphens and dots.
    if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", info.get("CFBundleIdentifier", "")):
        errors.append(f"CFBundleIdentifier {info.get('CFBundleIdentifier')!r} is not a bundle ID")
    if not re.fullmatch(r"\d+\.\d+(\.\d+)?", info.get("LSMinimumSystemVersion", "")):
        errors.append(f"LSMinimumSystemVersion {info.get('LSMinimumSystemVersion')!r}")
    if not (icons / info.get("CFBundleIconFile", "")).is_file():
        errors.append(f"CFBundleIconFile {info.get('CFBundleIconFile')!r} is not in {icons}")
    if "@" in plistlib.dumps(info).decode():
        errors.append("an @VARIABLE@ was left unconfigured")

    for error in errors:
        print(f"{plist_path}: {error}")
    if not errors:
        print(f"{plist_path}: {info['CFBundleIdentifier']} {version}, macOS {info['LSMinimumSystemVersion']}+")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
