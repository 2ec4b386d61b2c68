#!/usr/bin/env bash
# Renders resources/icons/mgn-dashboard.svg into the committed derivatives:
# hicolor PNGs (Linux), mgn-dashboard.ico (Windows), mgn-dashboard.icns (macOS).
# Needs Debian's librsvg2-bin, icoutils and icnsutils. Run after editing the SVG.
set -euo pipefail
icons="$(cd "$(dirname "$0")/../../resources/icons" && pwd)"
svg="$icons/mgn-dashboard.svg"

for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$icons/hicolor/${size}x${size}"
    rsvg-convert --width "$size" --height "$size" "$svg" -o "$icons/hicolor/${size}x${size}/mgn-dashboard.png"
done

png() { echo "$icons/hicolor/$1x$1/mgn-dashboard.png"; }
icotool --create --output "$icons/mgn-dashboard.ico" \
    "$(png 16)" "$(png 24)" "$(png 32)" "$(png 48)" "$(png 64)" --raw="$(png 256)"
# png2icns knows 16, 32, 48, 128, 256 and 512.
png2icns "$icons/mgn-dashboard.icns" \
    "$(png 16)" "$(png 32)" "$(png 48)" "$(png 128)" "$(png 256)" "$(png 512)" > /dev/null
echo "Rendered the icons into $icons"
