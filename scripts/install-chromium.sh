#!/usr/bin/env bash
# Installs the Debian package of Chromium named (chromium-headless-shell by default) unless it is there already.
# The browser tests drive Debian's headless shell, the build Playwright itself runs headless tests in: the full
# browser's headless mode costs the suite about 40% more of the machine. `make screenshots` uses the full browser.
# Playwright's own browser download is never used.
set -euo pipefail
package="${1:-chromium-headless-shell}"
# CHROMIUM, as the tests and the screenshots read it, names a browser of the developer's own: nothing to install.
[ -x "${CHROMIUM:-/usr/bin/$package}" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian's $package..."
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null; }; then
  # A machine that cannot reach Debian's archive but has the full browser still runs the tests, only slower.
  if [ "$package" = chromium-headless-shell ] && [ -x /usr/bin/chromium ]; then
    echo "Could not install $package: the browser tests will use /usr/bin/chromium." >&2
    exit 0
  fi
  exit 1
fi
