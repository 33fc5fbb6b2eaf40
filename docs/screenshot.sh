#!/usr/bin/env bash
# Rebuilds docs/render.png, the README's picture of the HTML view: the bundled model on
# docs/example_article.txt, with the first official's tooltip opened as hover/focus opens it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/phogov predict --file docs/example_article.txt --html "$tmp/view.html" > /dev/null
sed -i 's|</style>|#d0-s2 .ent[data-label="OFFICIAL"] .ent-tip{display:block}</style>|' \
  "$tmp/view.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$tmp/profile" --window-size=1200,900 --screenshot="$tmp/shot.png" \
  "file://$tmp/view.html" 2> /dev/null
# 128 colours: the same picture at a third of the size (Pillow comes with matplotlib)
.venv/bin/python -c "import sys; from PIL import Image; Image.open(sys.argv[1]).convert('RGB')\
.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(sys.argv[2], optimize=True)" \
  "$tmp/shot.png" docs/render.png
echo "docs/render.png: $(stat -c %s docs/render.png) bytes"
