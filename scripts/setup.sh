#!/usr/bin/env bash
# Installs what surveycalc needs on Debian 12, skipping what is already there,
# and never removes anything: apt's plan is simulated first and, if it would
# remove any package, nothing is installed.
#
#   bash scripts/setup.sh            what the build and the demo need
#   bash scripts/setup.sh --test     also what only the tests need
#   bash scripts/setup.sh --dry-run  print the plan, install nothing; exit 1 if
#                                    the plan would remove a package
#
# Any installed LibreOffice Calc will do: the desktop libreoffice-calc or the
# headless libreoffice-calc-nogui. With the desktop office (libreoffice-core)
# installed, no -nogui package is ever planned (they conflict with it).
#
# Environment: SURVEYCALC_APT_UPDATE=1 runs `apt-get update` first (otherwise
# only when the package lists are empty); SURVEYCALC_EXTRA_PACKAGES="a b" adds
# packages to the plan. Not root: uses sudo, only when something is missing.
set -euo pipefail

# The build, and running the extension in a headless Calc (the demo). The Calc
# package itself is chosen below. catch2: the build compiles the unit tests.
# fonts-wqy-zenhei: Chinese glyphs in the demo's PDF.
BUILD_PACKAGES=(
  cmake g++ make pkg-config
  libreoffice-dev python3-uno
  catch2 libboost-dev libicu-dev
  fonts-wqy-zenhei
)
# Only the tests: format check, fuzz targets (clang with the libFuzzer
# runtime), the zh-CN Function Wizard test, PDF inspection.
TEST_PACKAGES=(
  clang-format clang libclang-rt-14-dev
  libreoffice-l10n-zh-cn poppler-utils
)

usage() { sed -n '2,17s/^# \{0,1\}//p' "$0"; }

with_tests=0
dry_run=0
for arg in "$@"; do
  case "$arg" in
    --test) with_tests=1 ;;
    --dry-run) dry_run=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

wanted=("${BUILD_PACKAGES[@]}")
[ "$with_tests" = 1 ] && wanted+=("${TEST_PACKAGES[@]}")

# Calc: keep whichever variant is installed. Otherwise add the one that fits
# the office that is there: the desktop core gets the desktop Calc.
if installed libreoffice-calc || installed libreoffice-calc-nogui; then
  :
elif installed libreoffice-core; then
  wanted+=(libreoffice-calc)
else
  wanted+=(libreoffice-calc-nogui)
fi

# SURVEYCALC_EXTRA_PACKAGES: word splitting is intended (space-separated list).
# shellcheck disable=SC2206
extra=(${SURVEYCALC_EXTRA_PACKAGES:-})
wanted+=("${extra[@]}")

missing=()
for p in "${wanted[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  [ "$dry_run" = 1 ] && echo "setup.sh: nothing to install; every package is installed: ${wanted[*]}"
  exit 0
fi
echo "setup.sh: missing: ${missing[*]}"

SUDO=()
if [ "$(id -u)" -ne 0 ] && [ "$dry_run" = 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "setup.sh: these packages are missing and installing them needs root, but sudo is not installed." >&2
    echo "  As root, run:  apt-get install --no-install-recommends ${missing[*]}" >&2
    echo "  (or install sudo and give this user sudo rights), then run this command again." >&2
    exit 1
  fi
  SUDO=(sudo)
fi
# apt-get through sudo: sudo resets the environment, so pass the variable to env.
apt_get() { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

lists_empty() { [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; }
if lists_empty || [ "${SURVEYCALC_APT_UPDATE:-0}" = 1 ]; then
  if [ "$dry_run" = 1 ]; then
    echo "setup.sh: dry run: a real run would first run 'apt-get update' (package lists empty or SURVEYCALC_APT_UPDATE=1)"
    if lists_empty; then
      echo "setup.sh: the package lists are empty, so apt cannot simulate the plan; run 'apt-get update' first" >&2
      exit 1
    fi
  else
    apt_get update -qq
  fi
fi

# Simulate first. --no-install-recommends: with recommends the language pack
# pulls in the desktop office (~200 packages).
apt_opts=(--no-install-recommends -o DPkg::Lock::Timeout=300)
if ! plan=$(LC_ALL=C apt-get -s install "${apt_opts[@]}" "${missing[@]}" 2>&1); then
  echo "$plan" >&2
  echo "setup.sh: apt cannot plan the installation of: ${missing[*]} (see above); nothing was installed" >&2
  exit 1
fi
mapfile -t removed < <(printf '%s\n' "$plan" | awk '$1 == "Remv" { print $2 }')
mapfile -t added < <(printf '%s\n' "$plan" | awk '$1 == "Inst" { print $2 }')

if [ ${#removed[@]} -gt 0 ]; then
  cat >&2 <<EOF
setup.sh: REFUSING to install: apt would REMOVE ${#removed[@]} package(s) to install ${missing[*]}:
    ${removed[*]}
Nothing was installed or removed. What you can do:
  - if the packages above are yours to keep (e.g. the desktop LibreOffice),
    install the missing packages some other way that keeps them, or build and
    test in a container or virtual machine;
  - if you are sure you can lose them, install the packages yourself and
    review apt's plan:  apt-get install --no-install-recommends ${missing[*]}
EOF
  exit 1
fi

if [ "$dry_run" = 1 ]; then
  echo "setup.sh: dry run: apt would install ${#added[@]} package(s) and remove none: ${added[*]}"
  exit 0
fi

echo "setup.sh: installing ${missing[*]} (${#added[@]} packages with dependencies, none removed)"
# --no-remove: should the plan change since the simulation, apt aborts rather than remove.
apt_get install -y -qq --no-remove "${apt_opts[@]}" "${missing[@]}" >/dev/null
