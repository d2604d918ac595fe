#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12, skipping what is
# already there. Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config
  libreoffice-dev libreoffice-calc-nogui python3-uno libreoffice-l10n-zh-cn
  catch2 libboost-dev libicu-dev
  clang-format poppler-utils fonts-wqy-zenhei
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] \
     || [ "${SURVEYCALC_APT_UPDATE:-0}" = 1 ]; then
    $SUDO apt-get update -qq
  fi
  # --no-install-recommends: with recommends the language pack pulls in the GUI (~200 packages).
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
