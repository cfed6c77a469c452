#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium through its chromedriver. Run by the build
# (pom.xml, before the tests) so that `./mvnw -B verify` is the whole set-up: when both are there
# it does nothing; when they are missing and this machine can install them (root with apt-get,
# or sudo without a password) it installs them; otherwise it stops the build with the one command
# to run. Arguments: the paths the tests use (-Dchromium.binary, -Dchromium.driver).
set -euo pipefail
binary="${1:-/usr/bin/chromium}"
driver="${2:-/usr/bin/chromedriver}"
packages=(chromium chromium-driver)

present() { [ -x "$binary" ] && [ -x "$driver" ]; }

if present; then
  exit 0
fi

as_root=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    as_root=(sudo -n)
  else
    as_root=(none)
  fi
fi

if [ "${as_root[0]:-}" != none ] && command -v apt-get > /dev/null \
    && [ "$binary" = /usr/bin/chromium ] && [ "$driver" = /usr/bin/chromedriver ]; then
  echo "The browser tests need Chromium and chromedriver; installing ${packages[*]} with apt-get."
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}" \
    || { "${as_root[@]}" apt-get update && "${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"; } \
    || true
  if present; then
    exit 0
  fi
fi

cat >&2 <<MESSAGE

The browser tests need Chromium and chromedriver at $binary and $driver, and this build could not
install them. On Debian or Ubuntu run once:

    sudo apt-get install -y chromium chromium-driver

then run ./mvnw -B verify again. Elsewhere, name your own with -Dchromium.binary=... and
-Dchromium.driver=... .
MESSAGE
exit 1
