#!/usr/bin/env bash
# Sets everything up, then serves the page on http://localhost:8080/ (PORT=... to change), with the
# headers docs/deployment.md asks a host for (no framing by other pages, Permissions-Policy, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec node tools/static-server.mjs web "${PORT:-8080}"
