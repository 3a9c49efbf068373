#!/usr/bin/env bash
# The README's two commands on a plain Debian 12, as a newcomer meets them: a minbase bookworm
# root made with debootstrap (kept as a tarball, so every run starts from a fresh root without
# downloading it again), a `git clone` of this repository's committed HEAD in it with ../shared
# beside it, then `./run demo` and `./run test` inside, printing the wall time of each. Needs
# root and the Debian archive; not part of ./run test.
#
#   tools/fresh-debian.sh [--root DIR] [--clean] [--no-shared] [--only demo|test]
#
#   --root DIR    where the Debian root goes (default /var/tmp/oaskit-fresh-debian); it is made
#                 anew from DIR.minbase.tar (debootstrapped once) on every run
#   --clean       remove the root afterwards (default: keep it, with its logs DIR.demo.log and
#                 DIR.test.log, to look into)
#   --no-shared   no ../shared beside the clone: the corpus tests must skip, by name
#   --only CMD    run only `./run demo` or only `./run test`
# Environment: MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

root=/var/tmp/oaskit-fresh-debian
with_shared=1
only=""
clean=0
while (($#)); do
  case "$1" in
    --root) root=$2; shift 2 ;;
    --clean) clean=1; shift ;;
    --no-shared) with_shared=0; shift ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: $0 [--root DIR] [--clean] [--no-shared] [--only demo|test]" >&2; exit 2 ;;
  esac
done
[[ $(id -u) -eq 0 ]] || { echo "$0: needs root (debootstrap, chroot, mount)" >&2; exit 1; }
repo=$(cd "$(dirname "$0")/.." && pwd)
mirror=${MIRROR:-http://deb.debian.org/debian}

if ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi

tarball=$root.minbase.tar
if [[ ! -f $tarball ]]; then
  echo "== debootstrap --variant=minbase bookworm (kept as $tarball)"
  start=$SECONDS
  staging=$root.debootstrap
  rm -rf "$staging"
  debootstrap --variant=minbase bookworm "$staging" "$mirror" >"$root.debootstrap.log" 2>&1 ||
    { tail -20 "$root.debootstrap.log" >&2; exit 1; }
  tar -C "$staging" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
  rm -rf "$staging"
  echo "   $((SECONDS - start)) s"
fi
if grep -q " $root/" /proc/mounts; then
  echo "$0: something is still mounted under $root; unmount it first" >&2
  exit 1
fi
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xf "$tarball"
# What a Debian 12 installation lists besides the release itself.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The network this machine is on: where it trusts local certificate authorities (a TLS proxy
# in front of the npm registry, say), so would any machine on it. ca-certificates, which
# ./run deps installs, adds them to the system bundle; Node.js reads that bundle through
# NODE_EXTRA_CA_CERTS (its own CA list is built in).
extra_ca=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  extra_ca=(NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
fi

mounts=()
cleanup() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
  if ((clean)); then rm -rf "$root"; fi
}
trap cleanup EXIT
for m in proc sys dev dev/pts; do
  mkdir -p "$root/$m"
  case "$m" in
    proc) mount -t proc proc "$root/proc" ;;
    sys) mount -t sysfs sys "$root/sys" ;;
    dev) mount --bind /dev "$root/dev" ;;
    dev/pts) mount -t devpts devpts "$root/dev/pts" ;;
  esac
  mounts+=("$root/$m")
done

# A clone: the committed HEAD only (no build folders, no node_modules).
mkdir -p "$root/work"
git clone -q --no-hardlinks "$repo" "$root/work/main"
if ((with_shared)) && [[ -d $repo/../shared ]]; then
  cp -a "$repo/../shared" "$root/work/shared"
  chmod -R a-w "$root/work/shared"
fi
echo "== $(git -C "$repo" log -1 --format='%h %s' | cut -c1-100)"
echo "   in $root/work/main, ../shared $( ((with_shared)) && echo present || echo absent)"

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 CI=true TERM=dumb "${extra_ca[@]}" bash -c "cd /work/main && $1" </dev/null
}

status=0
summary=()
for cmd in demo test; do
  [[ -z $only || $only == "$cmd" ]] || continue
  echo "== ./run $cmd"
  start=$SECONDS
  rc=0
  began=$(date +%s)
  rm -f "$root.$cmd.first"
  # The demo's own output begins with its first "== " heading, after deps and the build.
  in_root "./run $cmd" 2>&1 | while IFS= read -r line; do
    printf '%s\n' "$line"
    if [[ ! -f $root.$cmd.first && $line == "== "* ]]; then
      echo $(($(date +%s) - began)) >"$root.$cmd.first"
    fi
  done | tee "$root.$cmd.log" || rc=$?
  elapsed=$((SECONDS - start))
  line="./run $cmd: exit $rc, $((elapsed / 60)) min $((elapsed % 60)) s"
  if [[ $cmd == demo && -f $root.$cmd.first ]]; then
    first=$(<"$root.$cmd.first")
    line+=" ($((first / 60)) min $((first % 60)) s to its first line of output)"
  fi
  summary+=("$line")
  ((rc == 0)) || status=1
done
echo
echo "== plain Debian 12 ($(cat "$root/etc/debian_version")), node $(in_root 'node --version 2>/dev/null || echo absent')"
printf '%s\n' "${summary[@]}"
exit $status
