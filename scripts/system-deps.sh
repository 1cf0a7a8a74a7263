#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are absent. Each need adds its packages to the
# list below, so needs added by different changes add up; one apt-get run installs them all.
set -euo pipefail

packages=()
# Python's venv (with ensurepip) for the moto emulator that run-tests installs into .vigil/venv.
"${VIGIL_PYTHON:-python3}" -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
# A real PostgreSQL server for the store's and the service's tests (testkit's PostgresServer starts it).
compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || packages+=(postgresql)
# Headless Chromium and its driver, with a font to draw text, for report's HtmlReportBrowserTest.
[ -x /usr/bin/chromium ] || packages+=(chromium fonts-liberation)
[ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: needs these Debian packages: ${packages[*]}; run as root or install them with apt-get" >&2
    exit 2
  fi
  echo "Installing ${packages[*]} (apt-get) ..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
