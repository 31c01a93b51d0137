#!/usr/bin/env bash
# The test suite's own system libvirtd, so `npm test` and a Vireo serving on the host's libvirtd (`scripts/up.sh`)
# work side by side: neither sees the other's domains, networks, pools or consoles.
#
# A second root libvirtd cannot share the host daemon's state (its qemu and network drivers lock
# /run/libvirt/*/driver.pid), so this one runs in a mount namespace of its own where its state directories are
# bind mounts of directories under $base:
#   /etc/libvirt               its definitions (domains, networks, pools) and its config (own host_uuid)
#   /run/libvirt               its sockets and runtime state; the socket is $base/run/libvirt-sock on the host
#   /var/lib/libvirt/qemu      domain runtime dirs, NVRAM, saves, snapshots
#   /var/lib/libvirt/dnsmasq   its networks' dnsmasq files (network names may match the host's)
#   /var/cache/libvirt, /var/log/libvirt
# Everything else (disk images, /dev, the network stack) is the host's: its guests are ordinary QEMU processes,
# its networks ordinary bridges (named vireotest*, on a subnet the host does not route), its pools directories
# under $images. It has a "default" network and a "default" pool of its own, as the tests expect.
# URIs that reach it (test/support/test-libvirtd.ts):
#   qemu:///system?socket=$base/run/libvirt-sock    test:///default?socket=$base/run/libvirt-sock
#
# Usage: scripts/libvirtd-test.sh start|stop|status|uri   (start/stop are idempotent and quiet)
set -euo pipefail

base=${VIREO_TEST_LIBVIRTD_DIR:-/run/vireo-test/libvirtd}
images=${VIREO_TEST_IMAGES_DIR:-/var/lib/vireo-test/images}
pidfile="$base/libvirtd.pid"
sock="$base/run/libvirt-sock"
uri="qemu:///system?socket=$sock"

die() { echo "libvirtd-test: $*" >&2; exit 1; }

# shellcheck source=scripts/daemon-lib.sh
source "$(dirname "$0")/daemon-lib.sh"
close_inherited_fds

v() { virsh -q -c "$uri" "$@"; }
ready() { v version >/dev/null 2>&1; }

# Same owner and mode as the host's directory it stands in for (QEMU's user needs some of them).
mkdir_like() {
  local dir=$1 like=$2
  mkdir -p "$dir"
  if [[ -e "$like" ]]; then
    chown "$(stat -c %u:%g "$like")" "$dir"
    chmod "$(stat -c %a "$like")" "$dir"
  fi
}

write_config() {
  mkdir -p "$base"/{etc/qemu/networks/autostart,etc/qemu/autostart,etc/storage/autostart,etc/secrets,run,cache,log/qemu,dnsmasq}
  mkdir_like "$base/qemu" /var/lib/libvirt/qemu
  [[ -d /etc/libvirt/nwfilter ]] && cp -a /etc/libvirt/nwfilter "$base/etc/" 2>/dev/null || true
  [[ -s "$base/host-uuid" ]] || cat /proc/sys/kernel/random/uuid > "$base/host-uuid"
  cat > "$base/etc/libvirtd.conf" <<EOF
# Written by scripts/libvirtd-test.sh: the test suite's libvirtd (its own mount namespace).
host_uuid = "$(cat "$base/host-uuid")"
unix_sock_group = "root"
unix_sock_rw_perms = "0700"
unix_sock_ro_perms = "0700"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:file:$base/libvirtd.log"
EOF
  # Guests log to files: no virtlogd needed (the host's one listens on a socket hidden in here).
  cat > "$base/etc/qemu.conf" <<EOF
stdio_handler = "file"
EOF
  cp /etc/libvirt/libvirt.conf "$base/etc/" 2>/dev/null || true
}

# A /24 no route on the host uses yet (the host's "default" network holds 192.168.122.0/24). /proc/net/route
# holds destinations as little-endian hex: 192.168.n.0 is 00<n>A8C0.
free_subnet() {
  local n
  for n in $(seq 123 199); do
    awk -v d="$(printf '00%02XA8C0' "$n")" 'NR > 1 && $2 == d { found = 1 } END { exit !found }' /proc/net/route \
      || { echo "192.168.$n"; return 0; }
  done
  die "no free 192.168.x.0/24 for the test network"
}

ensure_default_network() {
  if ! v net-info default >/dev/null 2>&1; then
    local prefix xml
    prefix=$(free_subnet)
    xml=$(mktemp)
    cat > "$xml" <<EOF
<network>
  <name>default</name>
  <forward mode='nat'/>
  <bridge name='vireotest0' stp='on' delay='0'/>
  <ip address='$prefix.1' netmask='255.255.255.0'>
    <dhcp><range start='$prefix.2' end='$prefix.254'/></dhcp>
  </ip>
</network>
EOF
    v net-define "$xml" >/dev/null
    rm -f "$xml"
    v net-autostart default >/dev/null
  fi
  # Read whole before matching: grep -q closing the pipe early would fail the pipeline (pipefail).
  local info
  info=$(v net-info default)
  grep -Eq '^Active:\s+yes' <<<"$info" || v net-start default >/dev/null
}

ensure_default_pool() {
  # Test pools go in pools/ beside the images: QEMU's user needs to pass through both.
  mkdir -p "$images" "$(dirname "$images")/pools"
  chmod 0711 "$(dirname "$images")" "$images" "$(dirname "$images")/pools"
  if ! v pool-info default >/dev/null 2>&1; then
    v pool-define-as default dir --target "$images" >/dev/null
    v pool-autostart default >/dev/null
  fi
  local info
  info=$(v pool-info default)
  grep -Eq '^State:\s+running' <<<"$info" || v pool-start default >/dev/null
}

start() {
  if ! (pid_alive "$pidfile" libvirtd && ready); then
    [[ $(id -u) == 0 ]] || die "start must run as root"
    command -v unshare >/dev/null || die "unshare (util-linux) is missing"
    write_config
    # Mount points: the host's own directories (libvirt's packages make them; a bare host may lack one).
    mkdir -p /etc/libvirt /run/libvirt /var/lib/libvirt/qemu /var/lib/libvirt/dnsmasq /var/cache/libvirt /var/log/libvirt
    # The bind mounts exist only in the new namespace; libvirtd -d keeps it alive after this shell exits.
    unshare --mount --propagation private -- bash -euc '
      b=$1
      mount --bind "$b/etc" /etc/libvirt
      mount --bind "$b/run" /run/libvirt
      mount --bind "$b/qemu" /var/lib/libvirt/qemu
      mount --bind "$b/dnsmasq" /var/lib/libvirt/dnsmasq
      mount --bind "$b/cache" /var/cache/libvirt
      mount --bind "$b/log" /var/log/libvirt
      exec libvirtd -d -p "$b/libvirtd.pid"
    ' bash "$base"
    local up=0
    for _ in $(seq 1 100); do
      if ready; then up=1; break; fi
      sleep 0.1
    done
    if ((!up)); then
      tail -n 20 "$base/libvirtd.log" >&2 2>/dev/null || true
      die "libvirtd did not accept connections on $sock within 10 s"
    fi
  fi
  ensure_default_network
  ensure_default_pool
}

stop() {
  if pid_alive "$pidfile" libvirtd && ready; then
    local dom
    # Guests outlive their libvirtd; don't leave TCG QEMU processes behind.
    for dom in $(v list --name 2>/dev/null); do v destroy "$dom" >/dev/null 2>&1 || true; done
    for dom in $(v net-list --name 2>/dev/null); do v net-destroy "$dom" >/dev/null 2>&1 || true; done
  fi
  stop_pidfile "$pidfile" libvirtd
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  uri) echo "$uri" ;;
  status)
    if pid_alive "$pidfile" libvirtd && ready; then
      echo "running (pid $(tr -dc 0-9 < "$pidfile")), $uri"
    else
      echo "stopped"; exit 3
    fi
    ;;
  *) echo "usage: $0 start|stop|status|uri" >&2; exit 2 ;;
esac
