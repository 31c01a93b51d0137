#!/usr/bin/env bash
# Prepares a Debian 12 host (as root) to run Vireo's integration and e2e tests: installs missing
# packages, starts virtlogd + libvirtd (systemd when it is PID 1, by hand otherwise) and the
# "default" libvirt network and storage pool. Idempotent; silent on success; prints the failing step's output.
#
# Usage: scripts/host-setup.sh [--no-browser]
set -euo pipefail
# shellcheck source=scripts/daemon-lib.sh
source "$(dirname "$0")/daemon-lib.sh"
close_inherited_fds

with_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) with_browser=0 ;;
    *) echo "usage: $0 [--no-browser]" >&2; exit 2 ;;
  esac
done

die() { echo "host-setup: $*" >&2; exit 1; }

# Runs a step, keeping its output unless it fails.
step() {
  local out
  if ! out=$("$@" 2>&1); then
    echo "host-setup: FAILED: $*" >&2
    echo "$out" >&2
    exit 1
  fi
}

[[ $(id -u) == 0 ]] || die "must run as root"

packages=(
  libvirt-daemon-system libvirt-daemon-driver-qemu libvirt-clients # virsh, virt-xml-validate
  qemu-system-x86 qemu-utils dnsmasq-base
  osinfo-db  # the wizard's operating systems and their defaults (read by lib/osinfo)
  binutils  # re-assembles the readiness probe's boot sector in its unit test
  python3-libvirt  # benchmark anchor
  busybox-static linux-image-cloud-amd64 cpio  # guest fixture (scripts/build-fixtures.sh)
  xorriso genisoimage  # ISO images for install/cdrom tests
  syslinux syslinux-common isolinux mtools dosfstools  # bootable cloud-image and installer fixtures
  virtinst  # benchmark anchors: virt-install, virt-clone
  virtnbdbackup  # benchmark anchor of backups (npm run bench -- backups)
  prometheus prometheus-libvirt-exporter  # a real Prometheus scrapes /metrics (e2e); the exporter is the metrics benchmark anchor
  libxml2-utils  # xmllint
  openssh-server openssl netcat-openbsd python3  # namespaced test hosts (scripts/test-hosts.sh): sshd, certificates, nc proxy, init
  postgresql-15 postgresql-client-15  # the PostgreSQL test tier (scripts/postgres-test.sh runs its own cluster)
)
((with_browser)) && packages+=(chromium)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  # Packages must not start their services here (openssh-server would listen on every address of this machine);
  # this script starts what the tests need itself. A policy-rc.d already in place is left as it is.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  step apt-get update -qq
  step apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# True when the pid in $1 belongs to a live process named $2 (pidfiles can outlive a crash).
pidfile_alive() {
  local pid
  [[ -s "$1" ]] || return 1
  pid=$(tr -dc 0-9 < "$1")
  [[ -n "$pid" && "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$2" ]]
}

libvirt_ready() { virsh -q -c qemu:///system version >/dev/null 2>&1; }

if [[ -d /run/systemd/system ]]; then
  for unit in virtlogd.socket virtlogd.service libvirtd.service; do
    systemctl is-active --quiet "$unit" || step systemctl start "$unit"
  done
else
  pidfile_alive /run/virtlogd.pid virtlogd || step virtlogd -d
  pidfile_alive /run/libvirtd.pid libvirtd || step libvirtd -d
fi

for _ in $(seq 1 100); do
  libvirt_ready && break
  sleep 0.1
done
libvirt_ready || die "libvirtd did not accept connections on /run/libvirt/libvirt-sock within 10 s"

if ! virsh -q net-info default >/dev/null 2>&1; then
  step virsh -q net-define /usr/share/libvirt/networks/default.xml
fi
net_info=$(virsh -q net-info default)
if ! grep -Eq '^Active:\s+yes' <<<"$net_info"; then
  step virsh -q net-start default
fi

# The "default" storage pool virt-manager would make: where the create-VM wizard puts disks unless told otherwise.
if ! virsh -q pool-info default >/dev/null 2>&1; then
  mkdir -p /var/lib/libvirt/images
  step virsh -q pool-define-as default dir --target /var/lib/libvirt/images
  step virsh -q pool-autostart default
fi
pool_info=$(virsh -q pool-info default)
if ! grep -Eq '^State:\s+running' <<<"$pool_info"; then
  step virsh -q pool-start default
fi
