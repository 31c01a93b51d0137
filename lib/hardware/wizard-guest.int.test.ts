import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootToShell, type ConsoleReader } from '@/test/support/console-reader';
import { until } from '@/test/support/until';
import { ensureFixtures, fixturePaths } from '@/test/support/fixtures';
import { testScene } from '@/test/support/test-scene';
import { virsh, virshDefine } from '@/test/support/virsh';
import { HOTPLUG_SPARE_PORTS } from '@/lib/domain-xml/pci-slots';
import { planVm } from '@/lib/provisioning/plan';
import { addDisk } from './disks';
import { addNic } from './nics';
import { changeVcpus } from './vcpus';
import { readHardware } from './view';

// A q35 guest exactly as the wizard defines it (planVm's XML, emulated), running the fixture kernel: hot-adding a
// disk, a NIC and a second NIC each finds a free PCIe root port (a wizard guest used to have one), and the
// Hardware tab counts the ports left. Then CPU mode changes, on it running and on another guest shut off: the
// edit used to keep migratable="on", which libvirt refuses outside host-passthrough and maximum.

const scene = testScene();
const host = scene.host;
const tag = Math.random().toString(36).slice(2, 7);
const vm = scene.guest(`vireo-wiz-hw-${tag}`);
const off = scene.guest(`vireo-wiz-cpu-${tag}`);
const pool = scene.pool(`vireo-wiz-hw-pool-${tag}`);
let reader: ConsoleReader | null = null;
const sh = (cmd: string, timeoutMs?: number) => reader!.marked(cmd, timeoutMs);

/** What the wizard would define for a direct-kernel-boot VM with a NIC and no disk, under emulation. */
async function wizardXml(name: string, cpu?: string): Promise<string> {
  const fx = fixturePaths();
  const plan = await planVm(host, {
    name,
    source: { kind: 'kernel', kernel: fx.kernel, initrd: fx.initrd, cmdline: `${fx.cmdline} vireo.hostname=${name}` },
    resources: { vcpus: 1, memoryMiB: 192 },
    storage: { pool: pool.name, sizeGiB: 0 },
    network: { type: 'network', network: 'default', model: 'virtio' },
  });
  return cpu ? plan.xml.replace('<clock', `${cpu}\n  <clock`) : plan.xml;
}

const both = { live: true, persistent: true };
// Its devices take 5 root ports (NIC, agent channel's virtio-serial, USB, balloon, RNG); 8 more are spare.
const PORTS = 5 + HOTPLUG_SPARE_PORTS;

beforeAll(async () => {
  process.env.VIREO_FORCE_EMULATION = '1';
  await ensureFixtures();
  // "maximum" with migratable: the TCG counterpart of a KVM guest's host-passthrough (both may carry migratable).
  await virshDefine(await wizardXml(vm, '<cpu mode="maximum" migratable="on"/>'));
  reader = await bootToShell(vm);
  await sh('true');
});

afterAll(() => reader?.close());

describe('hotplug into a wizard-made q35 guest', () => {
  it('keeps 8 root ports free, and hot-adds a disk, a NIC and a second NIC, each seen by the guest', async () => {
    const start = (await readHardware(host, vm)).hotplug!;
    expect(start).toEqual({ kind: 'pcie-root-port', total: PORTS, free: HOTPLUG_SPARE_PORTS });

    const disk = await addDisk(host, vm, {
      ...both,
      bus: 'virtio',
      source: { kind: 'new-volume', pool: pool.name, name: 'extra.qcow2', sizeGiB: 1, format: 'qcow2' },
    });
    expect(disk.outcome.live).toEqual({ status: 'applied' });
    expect(disk.hardware.hotplug).toMatchObject({ free: HOTPLUG_SPARE_PORTS - 1 });
    const target = disk.hardware.disks.find((d) => d.volume === 'extra.qcow2')!.target;
    await until(`${target} in the guest`, async () => (await sh('ls /sys/block')).includes(target), 40_000);

    for (const n of [1, 2]) {
      const nic = await addNic(host, vm, { ...both, source: { type: 'network', network: 'default' }, model: 'virtio' });
      expect(nic.outcome.live).toEqual({ status: 'applied' });
      expect(nic.hardware.hotplug).toMatchObject({ free: HOTPLUG_SPARE_PORTS - 1 - n });
    }
    await until('three NICs in the guest', async () => (await sh('cat /sys/class/net/eth*/address')).trim().split('\n').length === 3, 40_000);
    const live = await virsh(['domiflist', vm]);
    expect(live.match(/virtio/g)).toHaveLength(3);
    expect((await readHardware(host, vm)).hotplug).toEqual({ kind: 'pcie-root-port', total: PORTS, free: HOTPLUG_SPARE_PORTS - 3 });
  });
});

describe('CPU mode changes', () => {
  it('changes a running guest to host-model and to a named model for its next boot', async () => {
    const toModel = await changeVcpus(host, vm, { live: false, persistent: true, mode: 'host-model' });
    expect(toModel.outcome.persistent).toEqual({ status: 'applied' });
    expect(toModel.hardware.vcpus.mode).toBe('host-model');
    const inactive = await virsh(['dumpxml', '--inactive', vm]);
    expect(inactive).toMatch(/<cpu mode='host-model' check='partial'\/>|<cpu mode='host-model'[^>]*>/);
    expect(inactive).not.toContain('migratable');

    const named = await changeVcpus(host, vm, { live: false, persistent: true, mode: 'custom', model: 'qemu64' });
    expect(named.outcome.persistent).toEqual({ status: 'applied' });
    expect(named.hardware.vcpus).toMatchObject({ mode: 'custom', model: 'qemu64' });
    expect(await virsh(['dumpxml', '--inactive', vm])).toMatch(/<model fallback='forbid'>qemu64<\/model>/);
    // The running guest keeps the CPU it booted with.
    expect(await virsh(['dumpxml', vm])).toContain("mode='maximum'");
  });

  it('lists usable models first, the others apart, and refuses an unusable one in plain words', async () => {
    const v = (await readHardware(host, vm)).vcpus;
    expect(v.namedModels).toContain('qemu64');
    expect(v.namedModels).toEqual([...v.namedModels].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));
    const unusable = v.unusableModels[0];
    if (unusable) {
      await expect(changeVcpus(host, vm, { live: false, persistent: true, mode: 'custom', model: unusable })).rejects.toThrow(
        /cannot give a guest the CPU model/,
      );
    }
  });

  it('changes a shut-off guest from maximum to host-model and then a named model, and it starts with it', async () => {
    await virshDefine(await wizardXml(off, '<cpu mode="maximum" migratable="on"/>'));
    const r = await changeVcpus(host, off, { live: false, persistent: true, mode: 'host-model' });
    expect(r.outcome.persistent).toEqual({ status: 'applied' });
    const named = await changeVcpus(host, off, { live: false, persistent: true, mode: 'custom', model: 'qemu64' });
    expect(named.hardware.vcpus).toMatchObject({ mode: 'custom', model: 'qemu64' });
    await virsh(['start', off]);
    expect(await virsh(['dumpxml', off])).toMatch(/<cpu mode='custom' match='exact'[^>]*>\s*<model fallback='forbid'>qemu64<\/model>/);
    await virsh(['destroy', off]);
  });
});
