#!/usr/bin/env bash
# Renders every icon the bundles need from the one source drawing, icons/voronka.svg.
# Needs rsvg-convert (librsvg2-bin) and Python's Pillow. The outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/../icons"
for size in 32 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" voronka.svg -o "tmp-$size.png"
done
cp tmp-32.png 32x32.png
cp tmp-128.png 128x128.png
cp tmp-256.png 128x128@2x.png
cp tmp-512.png icon.png
python3 - <<'PY'
from PIL import Image
big = Image.open("tmp-1024.png")
big.save("icon.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
big.save("icon.icns")
PY
rm -f tmp-*.png
