#!/usr/bin/env bash
# A second libvirtd for transport tests, listening on 127.0.0.1:${VIREO_TCP_PORT:-16599} without auth.
#
# It runs as the unprivileged user "nobody", i.e. in libvirt's *session* mode, because a second root
# libvirtd cannot coexist with the main one: its qemu/network drivers refuse to start while the main
# daemon holds /run/libvirt/{qemu,network}/driver.pid. Session mode keeps every socket, pid file and
# domain under /run/vireo-test/libvirtd-tcp, so the main daemon and its guests are never touched.
# URIs that work against it:
#   test+tcp://127.0.0.1:16599/default     libvirt's in-memory test driver
#   qemu+tcp://127.0.0.1:16599/session     real QEMU (TCG, user networking only)
# qemu+tcp://.../system is NOT served here (it would need the main libvirtd started with --listen).
#
# Usage: scripts/libvirtd-tcp.sh start|stop|status   (start/stop are idempotent and quiet)
set -euo pipefail

port="${VIREO_TCP_PORT:-16599}"
base=/run/vireo-test/libvirtd-tcp
pidfile="$base/libvirtd.pid"
user=nobody
group=$(id -gn "$user")

die() { echo "libvirtd-tcp: $*" >&2; exit 1; }

# shellcheck source=scripts/daemon-lib.sh
source "$(dirname "$0")/daemon-lib.sh"
close_inherited_fds

ready() { virsh -q -c "test+tcp://127.0.0.1:$port/default" version >/dev/null 2>&1; }

start() {
  if pid_alive "$pidfile" libvirtd && ready; then return 0; fi
  [[ $(id -u) == 0 ]] || die "start must run as root (it drops to $user)"
  mkdir -p "$base"/{home,run,sock}
  cat > "$base/libvirtd.conf" <<EOF
listen_tls = 0
listen_tcp = 1
listen_addr = "127.0.0.1"
tcp_port = "$port"
auth_tcp = "none"
unix_sock_dir = "$base/sock"
log_outputs = "3:file:$base/libvirtd.log"
EOF
  chown -R "$user:$group" "$base"
  chmod 0700 "$base/run"
  # Session libvirtd finds its state through HOME/XDG_*; a clean environment keeps root's out.
  setpriv --reuid="$user" --regid="$group" --clear-groups \
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$base/home" XDG_RUNTIME_DIR="$base/run" \
    XDG_CONFIG_HOME="$base/home/.config" XDG_CACHE_HOME="$base/home/.cache" \
    XDG_DATA_HOME="$base/home/.local/share" \
    libvirtd -d -l -f "$base/libvirtd.conf" -p "$pidfile"
  for _ in $(seq 1 100); do
    ready && return 0
    sleep 0.1
  done
  tail -n 20 "$base/libvirtd.log" >&2 2>/dev/null || true
  die "libvirtd did not accept connections on 127.0.0.1:$port within 10 s"
}

stop() {
  if pid_alive "$pidfile" libvirtd && ready; then
    local uri="qemu+tcp://127.0.0.1:$port/session" dom
    # Guests outlive their libvirtd; don't leave TCG qemu processes behind.
    for dom in $(virsh -q -c "$uri" list --name 2>/dev/null); do
      virsh -q -c "$uri" destroy "$dom" >/dev/null 2>&1 || true
    done
  fi
  stop_pidfile "$pidfile" libvirtd
  stop_pidfile "$base/run/libvirt/virtlogd.pid" virtlogd
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if pid_alive "$pidfile" libvirtd && ready; then
      echo "running on 127.0.0.1:$port (pid $(tr -dc 0-9 < "$pidfile"))"
    else
      echo "stopped"; exit 3
    fi
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
