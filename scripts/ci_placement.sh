#!/usr/bin/env bash
# CI, after the test command: the README's demo works wherever the checkout is
# and whoever runs it.
#   1. root, a clone in a mode-0700 directory under /root, demo.sh started from /
#      (the office runs as 'nobody', which cannot enter the checkout);
#   2. an unprivileged user with passwordless sudo (created if absent), a clone
#      in its home, demo.sh started from /.
# Each check: demo.sh exits 0 within the time limit and writes out/report2020.pdf.
# Run as root on a machine where the test command has installed the packages.
# Idempotent; the clones are removed on exit; the user and its sudoers entry stay.
#
# Environment: SURVEYCALC_CI_USER (default surveycalc-ci),
# SURVEYCALC_PLACEMENT_TIMEOUT (seconds per demo run, default 1200).
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
CI_USER=${SURVEYCALC_CI_USER:-surveycalc-ci}
LIMIT=${SURVEYCALC_PLACEMENT_TIMEOUT:-1200}
PDF=out/report2020.pdf

if [ "$(id -u)" -ne 0 ]; then
  echo "ci_placement.sh: run as root (it creates a user and clones under /root)" >&2
  exit 2
fi

dirs=()
cleanup() { if [ ${#dirs[@]} -gt 0 ]; then rm -rf "${dirs[@]}"; fi; }
trap cleanup EXIT
results=()

# clone_into <parent>: sets $clone to a clone of this checkout's HEAD in a
# fresh mode-0700 directory under <parent> (removed on exit).
clone_into() {
  local dir
  dir=$(mktemp -d "$1/surveycalc-placement.XXXXXX")  # mktemp -d: mode 0700
  dirs+=("$dir")
  clone=$dir/surveycalc
  git -c safe.directory="$SRC" clone -q "$SRC" "$clone"
}

# check <description> <clone> <command prefix...>: runs the clone's demo.sh from /
# with the prefix (e.g. sudo -u someone), bounded by $LIMIT seconds.
check() {
  local what=$1 clone=$2 log start rc=0
  shift 2
  log=$(mktemp)
  start=$SECONDS
  echo "== $what: $clone, from /"
  (cd / && timeout --kill-after=30 "$LIMIT" "$@" bash "$clone/scripts/demo.sh") >"$log" 2>&1 || rc=$?
  local secs=$((SECONDS - start))
  if [ "$rc" -ne 0 ] || [ "$(head -c 4 "$clone/$PDF" 2>/dev/null)" != "%PDF" ]; then
    tail -n 40 "$log"
    rm -f "$log"
    echo "FAIL: $what: demo.sh exited $rc after ${secs}s$([ "$rc" = 124 ] && echo " (time limit ${LIMIT}s)"), $PDF $([ -s "$clone/$PDF" ] && echo present || echo missing)" >&2
    exit 1
  fi
  rm -f "$log"
  results+=("ok: $what ($clone): demo.sh passed in ${secs}s, wrote $PDF ($(stat -c %s "$clone/$PDF") bytes)")
  echo "${results[-1]}"
}

echo "ci_placement.sh: checking $(git -C "$SRC" -c safe.directory="$SRC" rev-parse --short HEAD) of $SRC"

# 1. root, clone in a 0700 directory under /root.
clone_into /root
check "root, clone in a mode-$(stat -c %a "$(dirname "$clone")") directory under /root" "$clone"

# 2. an unprivileged user with passwordless sudo, clone in its home.
if ! command -v sudo >/dev/null; then
  echo "installing sudo"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-remove sudo >/dev/null
fi
if ! id -u "$CI_USER" >/dev/null 2>&1; then
  echo "creating user $CI_USER"
  useradd -m -s /bin/bash "$CI_USER"
fi
sudoers=/etc/sudoers.d/surveycalc-ci
if [ ! -f "$sudoers" ] || ! grep -qx "$CI_USER ALL=(ALL) NOPASSWD:ALL" "$sudoers"; then
  tmp=$(mktemp)
  echo "$CI_USER ALL=(ALL) NOPASSWD:ALL" >"$tmp"
  visudo -cqf "$tmp"  # never install a broken sudoers file
  install -m 0440 "$tmp" "$sudoers"
  rm -f "$tmp"
fi
sudo -u "$CI_USER" -H sudo -n true  # passwordless sudo works
home=$(getent passwd "$CI_USER" | cut -d: -f6)
clone_into "$home"
chown -R "$CI_USER": "$(dirname "$clone")"
check "user $CI_USER (uid $(id -u "$CI_USER"), passwordless sudo), clone in its home" "$clone" sudo -u "$CI_USER" -H

echo "ci_placement.sh: all placements passed"
printf '  %s\n' "${results[@]}"
