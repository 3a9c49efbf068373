#!/usr/bin/env bash
# The README's two commands on a plain Debian 12, as a newcomer meets them: makes a minbase
# bookworm root with debootstrap, copies this repository's committed HEAD into it (as a clone
# would) with ../shared beside it, then runs `./run demo` and `./run test` inside, printing the
# wall time of each. Needs root and the Debian archive; not part of ./run test.
#
#   tools/fresh-debian.sh [--root DIR] [--keep] [--no-shared] [--only demo|test]
#
#   --root DIR    where the Debian root goes (default /var/tmp/oaskit-fresh-debian); an existing
#                 root there is reused, but its copy of the repository is always made anew
#   --keep        keep the root afterwards (default: keep too; --clean removes it at the end)
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
    --keep) shift ;;
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

if [[ ! -x $root/usr/bin/apt-get ]]; then
  echo "== debootstrap --variant=minbase bookworm $root"
  start=$SECONDS
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
    { tail -20 "$root.debootstrap.log" >&2; exit 1; }
  echo "   $((SECONDS - start)) s"
fi
# What a Debian 12 installation lists besides the release itself.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"

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

# The committed HEAD only, as a clone of main would have it (no build folders, no node_modules).
rm -rf "$root/work"
mkdir -p "$root/work/main"
git -C "$repo" archive HEAD | tar -x -C "$root/work/main"
if ((with_shared)) && [[ -d $repo/../shared ]]; then
  cp -a "$repo/../shared" "$root/work/shared"
  chmod -R a-w "$root/work/shared"
fi
echo "== $(git -C "$repo" log -1 --format='%h %s' | cut -c1-100)"
echo "   in $root/work/main, ../shared $( ((with_shared)) && echo present || echo absent)"

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 CI=true TERM=dumb bash -c "cd /work/main && $1" </dev/null
}

status=0
summary=()
for cmd in demo test; do
  [[ -z $only || $only == "$cmd" ]] || continue
  echo "== ./run $cmd"
  start=$SECONDS
  rc=0
  in_root "./run $cmd" 2>&1 | tee "$root.$cmd.log" || rc=$?
  elapsed=$((SECONDS - start))
  summary+=("./run $cmd: exit $rc, $((elapsed / 60)) min $((elapsed % 60)) s")
  ((rc == 0)) || status=1
done
echo
echo "== plain Debian 12 ($(cat "$root/etc/debian_version")), node $(in_root 'node --version 2>/dev/null || echo absent')"
printf '%s\n' "${summary[@]}"
exit $status
