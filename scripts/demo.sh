#!/usr/bin/env bash
# The demo from a bare clone: installs what the machine lacks (scripts/ensure-tools.sh), the
# project's packages when they are not there yet, then `npm run demo` (build, mock API, Chromium;
# `bash scripts/demo.sh --browser firefox` for Firefox ESR).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/ensure-tools.sh
if [ ! -d node_modules ]; then
  say "npm ci"
  npm ci --no-audit --no-fund </dev/null
fi
say "npm run demo"
npm run demo -- "$@"
