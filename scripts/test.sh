#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs every test.
# Works on a fresh Debian machine (root, or sudo available) with Node >= 20.18.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the browser and scale-out tests need.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# Fonts for readable browser screenshots (chromium alone, without recommends, has none).
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing ${need[*]} with apt-get"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Missing ${need[*]}: install them with your package manager; the tests that need them will fail." >&2
  fi
fi

# Exactly the lockfile (which records every platform's optional binaries).
npm ci --no-audit --no-fund
npm test
