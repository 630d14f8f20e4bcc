#!/usr/bin/env bash
# Sets everything up, then serves the page on http://localhost:8080/ (PORT=... to change), with the
# headers docs/deployment.md asks a host for (no framing by other pages, Permissions-Policy, ...).
#   scripts/serve.sh          web/ as shipped: only the clinician wording, in English, until
#                             content/review.json records a review of another wording or language
#   scripts/serve.sh --demo   a demonstration: every wording and language switched on, and every
#                             output (screen, kiosk, printout, take-home code's page, note, FHIR file,
#                             one-file copy) marked "Demonstration: not clinically reviewed"
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  "") demo=false ;;
  --demo) demo=true ;;
  *) echo "usage: scripts/serve.sh [--demo]" >&2; exit 1 ;;
esac
scripts/setup.sh
if [ "$demo" = false ]; then
  echo "serve: web/ as shipped (web/settings.json: clinician wording, English). For every wording and language, marked as a demonstration: scripts/serve.sh --demo"
  exec node tools/static-server.mjs web "${PORT:-8080}"
fi
# The demonstration is a copy of web/ with {"demo": true} as its settings.json: its offline list
# and its one-file copy are its own, so nothing of it can be mistaken for the shipped folder.
demo_dir=build/demo-web
rm -rf "$demo_dir"
mkdir -p build
cp -r web "$demo_dir"
printf '{\n  "demo": true\n}\n' > "$demo_dir/settings.json"
node tools/precache.mjs "$demo_dir" >/dev/null
node tools/one-file.mjs "$demo_dir" >/dev/null
echo "serve: a DEMONSTRATION (every wording and language, each output marked \"not clinically reviewed\"); its one-file copy: $demo_dir/radiculo-offline.html"
exec node tools/static-server.mjs "$demo_dir" "${PORT:-8080}"
