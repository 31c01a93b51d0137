#!/usr/bin/env bash
# Builds the guest fixture used by integration and e2e tests: a Debian cloud kernel and a tiny
# busybox initramfs, booted directly by libvirt with the cmdline "console=ttyS0 quiet".
#
# Output: .cache/fixtures/{vmlinuz,initrd.gz,stamp}, then copied to
# /var/lib/libvirt/images/vireo-fixtures/ because libvirt's DAC driver chowns kernel/initrd to
# libvirt-qemu while a guest runs; we don't want it touching files inside the checkout.
#
# Guest behaviour (see initramfs /init and /etc/init.d/rcS below):
#   - prints "VIREO-FIXTURE-BOOTED hostname=<name>" on ttyS0; <name> comes from "vireo.hostname=<name>"
#     on the kernel cmdline, default "vireo-fixture";
#   - then a root shell on ttyS0 with prompt "vireo# ";
#   - virtio pci/blk/net/scsi/console/balloon/rng modules are loaded at boot so hotplugged devices bind;
#   - ACPI power button (virsh shutdown) powers the guest off; "udhcpc -i eth0" configures a NIC.
#
# Usage: scripts/build-fixtures.sh [--force]   (quiet and fast when up to date)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/.cache/fixtures"
install_dir="${VIREO_FIXTURE_DIR:-/var/lib/libvirt/images/vireo-fixtures}"
force=0
[[ "${1:-}" == "--force" ]] && force=1

die() { echo "build-fixtures: $*" >&2; exit 1; }

kernel=$(ls -1 /boot/vmlinuz-*-cloud-amd64 2>/dev/null | sort -V | tail -n 1) \
  || true
[[ -n "$kernel" ]] || die "no /boot/vmlinuz-*-cloud-amd64; run scripts/host-setup.sh"
kver=${kernel#/boot/vmlinuz-}
moddir="/lib/modules/$kver"
[[ -d "$moddir" ]] || die "missing $moddir"
busybox=/bin/busybox
[[ -x "$busybox" ]] && "$busybox" --list | grep -qx udhcpc || die "busybox-static not installed"

# The stamp covers everything that shapes the output: this script, the kernel and busybox.
stamp=$( { sha256sum < "$0"; echo "$kver"; stat -c '%s %Y' "$kernel" "$busybox"; } | sha256sum | cut -d' ' -f1)

up_to_date() {
  [[ -f "$out/stamp" && "$(cat "$out/stamp")" == "$stamp" ]] || return 1
  for f in vmlinuz initrd.gz; do
    [[ -f "$out/$f" && -f "$install_dir/$f" ]] || return 1
    [[ "$(stat -c %s "$out/$f")" == "$(stat -c %s "$install_dir/$f")" ]] || return 1
  done
}

install_fixtures() {
  mkdir -p "$install_dir"
  chmod 0755 "$install_dir"
  for f in vmlinuz initrd.gz; do
    # Copy to a temp name then rename, so a running guest never sees a half-written file.
    cp "$out/$f" "$install_dir/.$f.tmp"
    chmod 0644 "$install_dir/.$f.tmp"
    mv -f "$install_dir/.$f.tmp" "$install_dir/$f"
  done
  echo "console=ttyS0 quiet" > "$install_dir/cmdline"
  chmod 0644 "$install_dir/cmdline"
}

if [[ $force == 0 ]] && up_to_date; then
  exit 0
fi

# Tests may call this concurrently (ensureFixtures); one builder at a time, the rest re-check.
exec 9>/tmp/vireo-fixtures.lock
flock 9
if [[ $force == 0 ]] && up_to_date; then
  exit 0
fi

mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/root"

mkdir -p "$root"/{bin,sbin,etc/init.d,etc/acpi/PWRF,proc,sys,dev,tmp,run,root,mnt,var/log,etc/udhcpc}
cp "$busybox" "$root/bin/busybox"
# Only the applets the fixture uses, so the image stays easy to reason about.
for applet in sh ash cat echo ls mount umount mkdir modprobe insmod lsmod hostname ip ifconfig route \
  udhcpc sleep poweroff reboot halt init cttyhack setsid acpid ps kill dmesg grep sed awk head tail \
  cut tr wc uname date sync stty mdev blockdev df free uptime true false test '[' printf env touch rm \
  mknod dd nc ping hexdump sha256sum find lsscsi; do
  ln -s busybox "$root/bin/$applet"
done
for applet in init poweroff reboot halt modprobe; do ln -s ../bin/busybox "$root/sbin/$applet"; done

# Kernel modules: copy the wanted ones plus their dependencies and let depmod write modules.dep
# for busybox modprobe. Anything the cloud kernel has built in is simply not found and skipped.
wanted=(virtio_pci virtio_blk virtio_net virtio_scsi sd_mod sr_mod isofs virtio_console virtio_balloon
  virtio-rng button evdev)
declare -A seen=()
add_module() {
  local name=$1 file deps dep
  [[ -n "${seen[$name]:-}" ]] && return 0
  seen[$name]=1
  file=$(modinfo -k "$kver" -F filename "$name" 2>/dev/null) || return 0
  [[ "$file" == /* ]] || return 0   # "(builtin)"
  mkdir -p "$root$(dirname "$file")"
  cp "$file" "$root$file"
  deps=$(modinfo -k "$kver" -F depends "$name")
  for dep in ${deps//,/ }; do add_module "$dep"; done
}
for m in "${wanted[@]}"; do add_module "$m"; done
cp "$moddir"/modules.{order,builtin,builtin.modinfo} "$root$moddir/"
depmod -b "$root" "$kver"

cat > "$root/init" <<'EOF'
#!/bin/sh
# PID 1 shim: devtmpfs is not auto-mounted by the cloud kernel, and busybox init needs /dev/ttyS0.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
exec /bin/busybox init
EOF

cat > "$root/etc/inittab" <<'EOF'
::sysinit:/etc/init.d/rcS
ttyS0::respawn:-/bin/sh
::ctrlaltdel:/sbin/poweroff
::shutdown:/bin/sync
EOF

cat > "$root/etc/init.d/rcS" <<'EOF'
#!/bin/sh
name=vireo-fixture
for arg in $(cat /proc/cmdline); do
  case "$arg" in vireo.hostname=*) name=${arg#vireo.hostname=} ;; esac
done
hostname "$name"
for m in virtio_pci virtio_blk virtio_net virtio_scsi sd_mod sr_mod isofs virtio_console \
  virtio_balloon virtio-rng button evdev; do
  modprobe -q "$m" 2>/dev/null
done
ip link set lo up
acpid
echo "VIREO-FIXTURE-BOOTED hostname=$name"
EOF

# busybox acpid maps the power button to action "PWRF/00000080" (relative to /etc/acpi).
cat > "$root/etc/acpi/PWRF/00000080" <<'EOF'
#!/bin/sh
poweroff
EOF

cat > "$root/etc/profile" <<'EOF'
export PATH=/bin:/sbin
export PS1='vireo# '
EOF

cat > "$root/etc/udhcpc/default.script" <<'EOF'
#!/bin/sh
# udhcpc hook: apply the lease to the interface (busybox calls this with deconfig|bound|renew).
case "$1" in
  deconfig)
    ip addr flush dev "$interface"
    ip link set "$interface" up
    ;;
  bound|renew)
    ip addr flush dev "$interface"
    ip addr add "$ip/${mask:-24}" dev "$interface"
    [ -n "$router" ] && ip route replace default via "${router%% *}" dev "$interface"
    : > /etc/resolv.conf
    for ns in $dns; do echo "nameserver $ns" >> /etc/resolv.conf; done
    echo "VIREO-DHCP-BOUND interface=$interface ip=$ip"
    ;;
esac
exit 0
EOF

echo "root:x:0:0:root:/root:/bin/sh" > "$root/etc/passwd"
echo "root:x:0:" > "$root/etc/group"
chmod 0755 "$root/init" "$root/etc/init.d/rcS" "$root/etc/acpi/PWRF/00000080" \
  "$root/etc/udhcpc/default.script"

(cd "$root" && find . -print0 | sort -z | cpio --null -o -H newc --owner=0:0 --quiet) \
  | gzip -9 -n > "$stage/initrd.gz"
mv -f "$stage/initrd.gz" "$out/initrd.gz"
cp "$kernel" "$out/vmlinuz"
echo "$stamp" > "$out/stamp"
install_fixtures
