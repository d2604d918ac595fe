#!/usr/bin/env bash
# scripts/setup.sh never harms the user's system.
#
# 1. The guard, against a real apt simulation: asking for the Calc variant
#    that is NOT installed (the desktop libreoffice-calc on a headless machine,
#    libreoffice-calc-nogui on a desktop one) makes apt plan to remove the
#    installed Calc, so setup.sh must refuse, name that package, and install
#    nothing -- with --dry-run, and in a real run (where apt-get is a stand-in
#    that passes simulations through to the real apt-get and records anything
#    else, so a broken guard fails the test instead of removing Calc).
# 2. The plan, against stand-ins for dpkg-query and apt-get (no real package
#    state involved): a desktop office gets the desktop Calc and no -nogui
#    package, a bare machine gets the -nogui one, --test adds the test tools.
#
# Exit 77 (skip) where apt has no package lists or no Calc is installed.
set -euo pipefail
SETUP="$(cd "$(dirname "$0")/../.." && pwd)/scripts/setup.sh"
REAL_APT_GET=$(command -v apt-get || true)

fail() { echo "FAIL: $*" >&2; exit 1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

shims=$(mktemp -d)
trap 'rm -rf "$shims"' EXIT

# --- stand-ins ---------------------------------------------------------------
# apt-get: SHIM_APT=pass hands simulations (-s) to the real apt-get; SHIM_APT=fake
# prints "Inst <pkg>" for each package asked for. Anything else is recorded in
# $shims/apt.log and fails.
cat >"$shims/apt-get" <<SH
#!/usr/bin/env bash
if [[ " \$* " == *" -s "* ]]; then
  if [ "\${SHIM_APT:-}" = pass ]; then exec "$REAL_APT_GET" "\$@"; fi
  for a in "\$@"; do case "\$a" in -*|install|DPkg::*) ;; *) echo "Inst \$a (fake)";; esac; done
  exit 0
fi
echo "apt-get \$*" >>"$shims/apt.log"
exit 1
SH
# sudo: runs the command unprivileged, so that "sudo env ... apt-get" still
# reaches the apt-get stand-in (real sudo would reset PATH).
printf '#!/usr/bin/env bash\nexec "$@"\n' >"$shims/sudo"
# dpkg-query for the plan tests: the installed packages are $FAKE_INSTALLED.
cat >"$shims/dpkg-query-fake" <<'SH'
#!/usr/bin/env bash
pkg="${!#}"
for p in $FAKE_INSTALLED; do
  [ "$p" = "$pkg" ] && { echo -n "install ok installed"; exit 0; }
done
exit 1
SH
chmod +x "$shims"/*

# --- 1. the guard, with the real apt simulation -------------------------------
if [ -z "$REAL_APT_GET" ] || [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
  echo "SKIP: no apt package lists here (run apt-get update)"; exit 77
fi
if installed libreoffice-calc; then
  ours=libreoffice-calc other=libreoffice-calc-nogui
elif installed libreoffice-calc-nogui; then
  ours=libreoffice-calc-nogui other=libreoffice-calc
else
  echo "SKIP: no LibreOffice Calc installed to protect"; exit 77
fi
echo "installed Calc: $ours; asking setup.sh for $other as well"
before=$(md5sum /var/lib/dpkg/status)

for mode in --dry-run ""; do
  rm -f "$shims/apt.log"
  set +e
  out=$(PATH="$shims:$PATH" SHIM_APT=pass SURVEYCALC_APT_UPDATE=0 SURVEYCALC_EXTRA_PACKAGES="$other" \
        bash "$SETUP" $mode 2>&1)
  rc=$?
  set -e
  echo "--- setup.sh ${mode:-(real run)} exited $rc:"; echo "$out"
  [ "$rc" -ne 0 ] || fail "setup.sh ${mode:-(real run)} accepted a plan that removes $ours"
  grep -q "REFUSING" <<<"$out" || fail "no refusal message"
  # the line after the refusal names the packages apt would remove
  grep -A1 "REFUSING" <<<"$out" | tail -1 | grep -qw -- "$ours" || fail "refusal does not name $ours"
  [ ! -e "$shims/apt.log" ] || fail "setup.sh went on to run: $(cat "$shims/apt.log")"
done
[ "$before" = "$(md5sum /var/lib/dpkg/status)" ] || fail "the dpkg database changed"
installed "$ours" || fail "$ours is no longer installed"

# --- 2. the plan, against stand-ins -------------------------------------------
cp "$shims/dpkg-query-fake" "$shims/dpkg-query"
BUILD=(cmake g++ make pkg-config libreoffice-dev python3-uno catch2 libboost-dev libicu-dev fonts-wqy-zenhei)
TESTS=(clang-format clang libclang-rt-14-dev libreoffice-l10n-zh-cn poppler-utils)
plan() {  # plan <installed packages> <setup.sh args...>: the "missing:" line
  local have=$1; shift
  PATH="$shims:$PATH" SHIM_APT=fake SURVEYCALC_APT_UPDATE=0 SURVEYCALC_EXTRA_PACKAGES='' FAKE_INSTALLED="$have" \
    bash "$SETUP" --dry-run "$@" | sed -n 's/^setup.sh: missing: //p'
}
expect() {  # expect <what> <plan> <words that must be in it> -- <words that must not>
  local what=$1 got=" $2 " w must=1; shift 2
  for w in "$@"; do
    if [ "$w" = -- ]; then must=0; continue; fi
    if [ $must = 1 ]; then [[ $got == *" $w "* ]] || fail "$what: plan '$got' lacks $w"
    else [[ $got != *" $w "* ]] || fail "$what: plan '$got' has $w"; fi
  done
  echo "ok: $what: missing =$got"
}
expect "desktop office, desktop Calc, build only" \
  "$(plan "libreoffice-core libreoffice-calc" )" cmake libreoffice-dev -- libreoffice-calc-nogui libreoffice-calc clang
expect "desktop office without Calc" \
  "$(plan "libreoffice-core" --test)" libreoffice-calc clang libclang-rt-14-dev clang-format -- libreoffice-calc-nogui
expect "bare machine" "$(plan "" --test)" libreoffice-calc-nogui "${BUILD[@]}" "${TESTS[@]}" -- libreoffice-calc
expect "headless Calc, everything installed" "$(plan "libreoffice-calc-nogui ${BUILD[*]} ${TESTS[*]}" --test)" --
expect "headless Calc, build set installed, tests asked" \
  "$(plan "libreoffice-calc-nogui ${BUILD[*]}" --test)" "${TESTS[@]}" -- cmake libreoffice-calc libreoffice-calc-nogui
echo "PASS"
