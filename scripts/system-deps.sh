#!/usr/bin/env bash
# Installs the Debian packages the tests need, when any is missing (run as root, as ./run-tests and CI are).
# Add a package as "COMMAND PACKAGE" to NEEDED: the command whose absence means the package is missing.
#   chromium, chromium-driver: report/HtmlReportBrowserTest renders the HTML report in headless Chromium.
set -euo pipefail

NEEDED=(
  "/usr/bin/chromium chromium"
  "/usr/bin/chromedriver chromium-driver"
)

missing=()
for entry in "${NEEDED[@]}"; do
  read -r command package <<<"$entry"
  [ -x "$command" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "vigil: the tests need the Debian packages ${missing[*]}; install them with your package manager." >&2
  exit 2
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "vigil: installing ${missing[*]} needs root (or sudo)." >&2; exit 2; }
  sudo="sudo"
fi
echo "Installing Debian packages for the tests: ${missing[*]} ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
