#!/usr/bin/env bash
# Regenerates the golden inputs (*-in.xml) from real tools: virt-install (--dry-run --print-xml: nothing is
# created or defined), virt-install the way cockpit-machines calls it, libvirt's own dumpxml of temporary
# vireo-golden-* domains (defined, one started under TCG, then undefined), and Vireo's wizard builder.
#
#   flock /tmp/vireo-libvirt.lock bash lib/domain-xml/golden/make-inputs.sh [case-prefix]
#
# Outputs then follow with: UPDATE_GOLDEN=1 npx vitest run --project unit lib/domain-xml/golden.test.ts
# (review the diff of every *-out.xml before committing). UUIDs and MACs are random, so a rerun changes them.
set -euo pipefail
cd "$(dirname "$0")"
only="${1:-}"
URI=qemu:///system
FX=/var/lib/libvirt/images/vireo-fixtures
VS=(virsh -q -c "$URI")
VI=(virt-install --connect "$URI" --noautoconsole --dry-run)
want() { [[ -z "$only" || "$1" == "$only"* ]]; }

[[ -f $FX/vmlinuz && -f $FX/installer.iso && -f $FX/cloud.qcow2 ]] || { echo "fixtures missing in $FX (scripts/build-fixtures.sh)" >&2; exit 1; }

cleanup() {
  for d in $("${VS[@]}" list --all --name | grep '^vireo-golden-' || true); do
    "${VS[@]}" destroy "$d" >/dev/null 2>&1 || true
    "${VS[@]}" undefine "$d" --nvram >/dev/null 2>&1 || "${VS[@]}" undefine "$d" >/dev/null 2>&1 || true
  done
  for v in vireo-golden-live.qcow2 vireo-golden-seed.iso; do "${VS[@]}" vol-delete --pool default "$v" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
cleanup

# ---- virt-install, as a person would call it ----
if want virtinst-debian11-cdrom; then
  "${VI[@]}" --print-xml 1 --name vireo-golden-debian11 --os-variant debian11 --memory 2048 --vcpus 2 --disk size=20 \
    --cdrom $FX/installer.iso --network network=default --graphics vnc >virtinst-debian11-cdrom-in.xml
fi
if want virtinst-win11-spice; then
  "${VI[@]}" --print-xml 1 --name vireo-golden-win11 --os-variant win11 --memory 4096 --vcpus 4 --disk size=64 \
    --cdrom $FX/installer.iso --network network=default,model=e1000e --graphics spice >virtinst-win11-spice-in.xml
fi
if want virtinst-pc-tuned; then
  "${VI[@]}" --print-xml --name vireo-golden-tuned --machine pc --os-variant rocky9 \
    --memory memory=1024,currentMemory=768,maxMemory=4096,maxMemory.slots=4 \
    --vcpus 4,maxvcpus=4,sockets=1,dies=1,cores=2,threads=2 --cpu qemu64,cell0.cpus=0-3,cell0.memory=524288 \
    --memdev dimm,target.size=512,target.node=0 --import \
    --disk size=8,bus=scsi,cache=none,io=native,discard=unmap --controller type=scsi,model=virtio-scsi \
    --disk $FX/cloud.qcow2,shareable=on,readonly=on,serial=GOLDEN1,bus=sata \
    --disk $FX/installer.iso,device=cdrom,bus=ide,boot.order=2 \
    --network bridge=br0,model=e1000,link.state=down --network type=direct,source=eth0,source.mode=bridge \
    --events on_crash=restart,on_poweroff=destroy,on_reboot=restart --boot menu=on --serial pty \
    --console pty,target_type=virtio --rng /dev/urandom --watchdog i6300esb \
    --metadata title="Tuned guest",description="every knob & more" >virtinst-pc-tuned-in.xml
fi
if want virtinst-kernel; then
  "${VI[@]}" --print-xml --name vireo-golden-kernel --os-variant alpinelinux3.17 --virt-type qemu --memory 256 --vcpus 1 \
    --boot kernel=$FX/vmlinuz,initrd=$FX/initrd.gz,kernel_args="console=ttyS0 quiet" --disk none --network none \
    --graphics none --import >virtinst-kernel-in.xml
fi
if want virtinst-uefi; then
  # No OVMF on the host: name the firmware files, as on a host that has them (virt-install does not check).
  "${VI[@]}" --print-xml --name vireo-golden-uefi --os-variant fedora37 --memory 2048 --disk size=10 --import \
    --boot loader=/usr/share/OVMF/OVMF_CODE_4M.fd,loader.readonly=yes,loader.type=pflash,nvram.template=/usr/share/OVMF/OVMF_VARS_4M.fd \
    >virtinst-uefi-in.xml
  "${VI[@]}" --print-xml --name vireo-golden-efi-auto --os-variant fedora37 --memory 2048 --disk none --network none --import \
    --boot firmware=efi,firmware.feature0.name=secure-boot,firmware.feature0.enabled=no,bootmenu.enable=on >virtinst-uefi-auto-in.xml
fi

# ---- cockpit-machines: it runs virt-install with --os-variant, VNC on loopback, --noautoconsole, --cloud-init ----
if want cockpit-ubuntu-cloud; then
  printf '#cloud-config\nhostname: golden\n' >/tmp/vireo-golden-user-data
  "${VI[@]}" --print-xml 1 --name vireo-golden-cockpit-cloud --os-variant ubuntu22.04 --memory 1024 --vcpus 1 --import \
    --disk $FX/cloud.qcow2,format=qcow2 --cloud-init user-data=/tmp/vireo-golden-user-data \
    --graphics vnc,listen=127.0.0.1 --network network=default >cockpit-ubuntu-cloud-in.xml
  rm -f /tmp/vireo-golden-user-data
fi
if want cockpit-fedora-cdrom; then
  "${VI[@]}" --print-xml 2 --name vireo-golden-cockpit-cdrom --os-variant fedora37 --memory 2048 --vcpus 2 \
    --disk size=10,format=qcow2 --cdrom $FX/installer.iso --graphics vnc,listen=127.0.0.1 --network network=default \
    >cockpit-fedora-cdrom-in.xml
fi
if want cockpit-pxe; then
  "${VI[@]}" --print-xml 1 --name vireo-golden-cockpit-pxe --os-variant rhel9.0 --memory 2048 --vcpus 2 --pxe \
    --disk size=10 --graphics vnc,listen=127.0.0.1 --network network=default >cockpit-pxe-in.xml
fi

# ---- Vireo's wizard builder ----
if want vireo-; then
  (cd ../../.. && npx tsx lib/domain-xml/golden/make-vireo-inputs.ts lib/domain-xml/golden)
fi

# ---- libvirt's own dumpxml ----
if want libvirt-cloud-inactive; then
  sed 's/<name>golden-cloud</<name>vireo-golden-cloud</' vireo-cloud-in.xml >/tmp/vireo-golden.xml
  "${VS[@]}" define /tmp/vireo-golden.xml >/dev/null
  "${VS[@]}" dumpxml --inactive vireo-golden-cloud >libvirt-cloud-inactive-in.xml
fi
if want libvirt-cockpit-inactive; then
  "${VS[@]}" define cockpit-fedora-cdrom-in.xml >/dev/null
  "${VS[@]}" dumpxml --inactive vireo-golden-cockpit-cdrom >libvirt-cockpit-inactive-in.xml
fi
if want libvirt-tcg; then
  # A running guest under TCG: direct kernel boot of the busybox fixture, a pool volume on virtio, a seed-like
  # CD-ROM on virtio-scsi, memory hotplug with one DIMM, the default network, loopback VNC, serial and agent.
  "${VS[@]}" vol-create-as default vireo-golden-live.qcow2 64M --format qcow2 >/dev/null
  "${VS[@]}" vol-create-as default vireo-golden-seed.iso 1M --format raw >/dev/null
  virt-install --connect "$URI" --noautoconsole --print-xml --name vireo-golden-live --virt-type qemu --os-variant alpinelinux3.17 \
    --memory memory=384,maxMemory=1024,maxMemory.slots=2 --vcpus 2 --cpu cell0.cpus=0-1,cell0.memory=262144 \
    --memdev dimm,target.size=128,target.node=0 \
    --boot kernel=$FX/vmlinuz,initrd=$FX/initrd.gz,kernel_args="console=ttyS0 panic=-1" \
    --disk vol=default/vireo-golden-live.qcow2,bus=virtio,boot.order=1 \
    --disk vol=default/vireo-golden-seed.iso,device=cdrom,bus=scsi --controller scsi,model=virtio-scsi \
    --network network=default,model=virtio --graphics vnc,listen=127.0.0.1 --serial pty \
    --channel unix,target_type=virtio,name=org.qemu.guest_agent.0 --import >/tmp/vireo-golden.xml
  "${VS[@]}" define /tmp/vireo-golden.xml >/dev/null
  "${VS[@]}" start vireo-golden-live >/dev/null
  sleep 2
  "${VS[@]}" dumpxml vireo-golden-live >libvirt-tcg-live-in.xml
  "${VS[@]}" dumpxml --inactive vireo-golden-live >libvirt-tcg-inactive-in.xml
fi
rm -f /tmp/vireo-golden.xml
# virt-install writes double quotes; libvirt single ones. Both are kept as the tools wrote them.
ls -1 ./*-in.xml
