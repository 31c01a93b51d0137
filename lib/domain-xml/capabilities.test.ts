import { describe, expect, it } from 'vitest';
import { parseDomainCaps } from './capabilities';

const caps = (os: string, buses: string[]) => `<domainCapabilities>
  <path>/usr/bin/qemu-system-x86_64</path><domain>qemu</domain><machine>pc-q35-7.2</machine><arch>x86_64</arch>
  <vcpu max='255'/>
  ${os}
  <cpu>
    <mode name='host-passthrough' supported='no'/>
    <mode name='host-model' supported='yes'><model fallback='forbid'>EPYC</model></mode>
    <mode name='custom' supported='yes'>
      <model usable='yes' vendor='unknown'>qemu64</model>
      <model usable='no' vendor='Intel'>Haswell</model>
      <model>Westmere</model>
      <model usable='yes' vendor='unknown'>qemu64</model>
    </mode>
  </cpu>
  <devices><disk supported='yes'>
    <enum name='diskDevice'><value>disk</value><value>cdrom</value></enum>
    <enum name='bus'>${buses.map((b) => `<value>${b}</value>`).join('')}</enum>
  </disk></devices>
</domainCapabilities>`;

const ovmf = `<os supported='yes'><enum name='firmware'><value>efi</value></enum>
  <loader supported='yes'><value>/usr/share/OVMF/OVMF_CODE_4M.fd</value><enum name='type'><value>pflash</value></enum></loader></os>`;

describe('domain capabilities', () => {
  it('reads buses, vCPU ceiling, usable CPU models and UEFI', () => {
    const c = parseDomainCaps(caps(ovmf, ['fdc', 'scsi', 'virtio', 'usb', 'sata']));
    expect(c).toMatchObject({ machine: 'pc-q35-7.2', maxVcpus: 255, diskBuses: ['virtio', 'scsi', 'sata', 'usb'], diskDevices: ['disk', 'cdrom'], efi: true });
    expect(c.cpuModes).toEqual(['host-model', 'custom']);
    expect(c.cpuModels).toEqual(['qemu64', 'Westmere']);
    expect(c.cpuModelsUnusable).toEqual(['Haswell']);
  });

  it('offers no UEFI when no loader image is installed', () => {
    const noLoader = `<os supported='yes'><enum name='firmware'><value>efi</value></enum>
      <loader supported='yes'><enum name='type'><value>rom</value></enum></loader></os>`;
    expect(parseDomainCaps(caps(noLoader, ['ide', 'virtio'])).efi).toBe(false);
    expect(parseDomainCaps(caps('<os supported="yes"/>', ['ide'])).efi).toBe(false);
    expect(parseDomainCaps(caps(ovmf, ['ide', 'virtio'])).diskBuses).toEqual(['virtio', 'ide']);
  });
});

describe('uefiOffered', () => {
  it('needs the efi firmware and an installed image, whatever asks (wizard or Hardware tab)', () => {
    // This host without OVMF: firmware enum empty, loader types but no image.
    const none = `<domainCapabilities><os supported='yes'><enum name='firmware'/>
      <loader supported='yes'><enum name='type'><value>rom</value><value>pflash</value></enum></loader></os></domainCapabilities>`;
    expect(parseDomainCaps(none).efi).toBe(false);
    // efi in the firmware enum but no image listed: the wizard's old rule said yes.
    const descriptorsOnly = none.replace("<enum name='firmware'/>", "<enum name='firmware'><value>efi</value></enum>");
    expect(parseDomainCaps(descriptorsOnly).efi).toBe(false);
    expect(parseDomainCaps(`<domainCapabilities>${ovmf}</domainCapabilities>`).efi).toBe(true);
    expect(parseDomainCaps(`<domainCapabilities>${ovmf.replace("supported='yes'", "supported='no'")}</domainCapabilities>`).efi).toBe(false);
  });
});
