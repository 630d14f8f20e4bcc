#!/usr/bin/env bash
# Sets everything up, then serves the page on http://localhost:8080/ (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec node tests/web/static-server.mjs web "${PORT:-8080}"
