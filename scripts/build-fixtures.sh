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
# The same kernel and initramfs also make two bootable images (the create-VM wizard's fixtures):
#   - cloud.qcow2: a "cloud image" (FAT disk booted by syslinux, cmdline "vireo.mode=cloud") whose init mounts
#     the NoCloud seed (ISO 9660 labelled cidata) and prints "VIREO-CLOUD-INIT hostname=<h> user=<u>"
#     (or "VIREO-CLOUD-INIT no-seed"), then sets the hostname and gives the same shell;
#   - installer.iso: an El Torito ISO (isolinux, "vireo.mode=installer") that prints "VIREO-INSTALLER-BOOTED"
#     and "VIREO-INSTALLER-DISKS <block devices it sees>".
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
[[ -x "$busybox" ]] && "$busybox" --list | grep -x udhcpc >/dev/null || die "busybox-static not installed"

# The stamp covers everything that shapes the output: this script, the kernel and busybox.
stamp=$( { sha256sum < "$0"; echo "$kver"; stat -c '%s %Y' "$kernel" "$busybox"; } | sha256sum | cut -d' ' -f1)

up_to_date() {
  [[ -f "$out/stamp" && "$(cat "$out/stamp")" == "$stamp" ]] || return 1
  for f in vmlinuz initrd.gz cloud.qcow2 installer.iso; do
    [[ -f "$out/$f" && -f "$install_dir/$f" ]] || return 1
    [[ "$(stat -c %s "$out/$f")" == "$(stat -c %s "$install_dir/$f")" ]] || return 1
  done
}

install_fixtures() {
  mkdir -p "$install_dir"
  chmod 0755 "$install_dir"
  for f in vmlinuz initrd.gz cloud.qcow2 installer.iso; do
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
  virtio-rng button evdev ahci ata_piix ata_generic)
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
mode=fixture
for arg in $(cat /proc/cmdline); do
  case "$arg" in vireo.mode=*) mode=${arg#vireo.mode=} ;; esac
done
for m in virtio_pci virtio_blk virtio_net virtio_scsi sd_mod sr_mod isofs virtio_console \
  virtio_balloon virtio-rng button evdev ahci ata_piix ata_generic; do
  modprobe -q "$m" 2>/dev/null
done
ip link set lo up
acpid
case "$mode" in
  cloud) /etc/init.d/nocloud ;;
  installer)
    sleep 1
    echo "VIREO-INSTALLER-BOOTED"
    echo "VIREO-INSTALLER-DISKS $(ls /sys/block | grep -v -e '^loop' -e '^ram' | tr '\n' ' ')"
    ;;
  *) echo "VIREO-FIXTURE-BOOTED hostname=$name" ;;
esac
EOF

# The cloud image's stand-in for cloud-init: find the NoCloud seed, read who and what the VM should be.
cat > "$root/etc/init.d/nocloud" <<'EOF'
#!/bin/sh
unquote() { sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e "s/^[\"']//" -e "s/[\"']\$//"; }
seed=
for try in 1 2 3 4 5 6 7 8 9 10; do
  for dev in /dev/sr* /dev/vd* /dev/sd*; do
    [ -b "$dev" ] || continue
    # NoCloud finds its seed by the ISO 9660 volume id "cidata" (32 bytes at byte 32808).
    label=$(dd if="$dev" bs=1 skip=32808 count=6 2>/dev/null)
    [ "$label" = cidata ] || [ "$label" = CIDATA ] || continue
    mkdir -p /mnt/seed && mount -t iso9660 -o ro "$dev" /mnt/seed 2>/dev/null && seed=/mnt/seed && break 2
  done
  sleep 0.5
done
if [ -z "$seed" ]; then
  echo "VIREO-CLOUD-INIT no-seed"
  exit 0
fi
h=$(sed -n 's/^hostname:\(.*\)$/\1/p' "$seed/user-data" | head -n 1 | unquote)
[ -n "$h" ] || h=$(sed -n 's/^local-hostname:\(.*\)$/\1/p' "$seed/meta-data" | head -n 1 | unquote)
u=$(awk '/^users:/ { inside = 1; next } /^[^ -]/ { inside = 0 } inside && /^ *- *name:/ { sub(/^ *- *name: */, ""); print; exit }' "$seed/user-data" | unquote)
[ -n "$h" ] && hostname "$h"
echo "VIREO-CLOUD-INIT hostname=${h:-none} user=${u:-none}"
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
chmod 0755 "$root/init" "$root/etc/init.d/rcS" "$root/etc/init.d/nocloud" "$root/etc/acpi/PWRF/00000080" \
  "$root/etc/udhcpc/default.script"

(cd "$root" && find . -print0 | sort -z | cpio --null -o -H newc --owner=0:0 --quiet) \
  | gzip -9 -n > "$stage/initrd.gz"
mv -f "$stage/initrd.gz" "$out/initrd.gz"
cp "$kernel" "$out/vmlinuz"

# cloud.qcow2: an unpartitioned FAT disk whose boot sector is syslinux's (SeaBIOS boots it like a floppy
# image), holding the kernel and initramfs; written with mtools, so no loop device or mount is needed.
syslinux_modules=/usr/lib/syslinux/modules/bios
[[ -f $syslinux_modules/ldlinux.c32 && -f /usr/lib/ISOLINUX/isolinux.bin ]] || die "syslinux/isolinux not installed; run scripts/host-setup.sh"
disk="$stage/cloud.raw"
truncate -s 32M "$disk"
mkfs.vfat -n VIREOCLOUD "$disk" >/dev/null
cat > "$stage/syslinux.cfg" <<'EOF'
DEFAULT cloud
PROMPT 0
TIMEOUT 0
SERIAL 0 115200
LABEL cloud
  KERNEL /vmlinuz
  APPEND initrd=/initrd.gz console=ttyS0 quiet vireo.mode=cloud
EOF
MTOOLS_SKIP_CHECK=1 mcopy -i "$disk" "$out/vmlinuz" "$out/initrd.gz" "$stage/syslinux.cfg" ::/
syslinux --install "$disk"
qemu-img convert -q -f raw -O qcow2 "$disk" "$out/cloud.qcow2.tmp"
mv -f "$out/cloud.qcow2.tmp" "$out/cloud.qcow2"

# installer.iso: El Torito with isolinux, the same kernel and initramfs in installer mode.
iso="$stage/iso"
mkdir -p "$iso/isolinux"
cp /usr/lib/ISOLINUX/isolinux.bin "$syslinux_modules/ldlinux.c32" "$iso/isolinux/"
cp "$out/vmlinuz" "$out/initrd.gz" "$iso/"
sed -e 's/cloud/installer/g' "$stage/syslinux.cfg" > "$iso/isolinux/isolinux.cfg"
xorriso -as mkisofs -quiet -V VIREO_INSTALLER -o "$out/installer.iso.tmp" -b isolinux/isolinux.bin -c isolinux/boot.cat \
  -no-emul-boot -boot-load-size 4 -boot-info-table "$iso" 2>/dev/null
mv -f "$out/installer.iso.tmp" "$out/installer.iso"

echo "$stamp" > "$out/stamp"
install_fixtures
