import { describe, expect, it } from 'vitest';
import { createVmSpecSchema } from '@/lib/provisioning/spec';
import { osVariant } from '@/lib/osinfo/test-support/variant';
import type { OsVariant } from '@/lib/osinfo/types';
import { stepOfField as libStepOfField } from '@/lib/provisioning/steps';
import { placementRequestSchema } from '@/lib/placement/request';
import { initialState, osDefaults, placementBody, stateFromSpec, STEPS, stepOfField, toSpec, type WizardState } from './wizard-state';

// The wizard's form state becomes the body of POST /api/provisioning/plan and /api/vms: every spec it builds from
// a sensibly filled form must pass the server's schema, and a field the server refuses must lead back to its step.

const filled = (patch: Partial<WizardState>): WizardState => ({ ...initialState, name: 'web-01', pool: 'default', ...patch });
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE5c2V0dGluZ3MgZm9yIHRlc3Rpbmc test@host';

describe('toSpec', () => {
  it('builds a catalog cloud image with cloud-init, the host name defaulting to the VM name', () => {
    const spec = toSpec(
      filled({ catalogId: 'debian-12', userName: ' admin ', sshKeys: `${KEY}\n\n`, packages: 'curl, htop  git', runcmd: 'echo a\n\necho b' }),
    );
    expect(spec).toMatchObject({
      name: 'web-01',
      source: { kind: 'cloud-image', image: { from: 'catalog', id: 'debian-12' }, fullCopy: false },
      resources: { vcpus: 1, memoryMiB: 1024 },
      storage: { pool: 'default', sizeGiB: 10, format: 'qcow2', bus: 'virtio' },
      network: { type: 'network', network: 'default', model: 'virtio' },
      cloudInit: { hostname: 'web-01', user: { name: 'admin', sshKeys: [KEY], sudo: true }, packages: ['curl', 'htop', 'git'], runcmd: ['echo a', 'echo b'] },
      start: true,
    });
    expect(createVmSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('sends a password only when one was typed, and a static address with its gateway and DNS', () => {
    const spec = toSpec(
      filled({ catalogId: 'x', userName: 'admin', password: 'secret', staticAddress: '192.0.2.10/24', gateway: '192.0.2.1', dns: '192.0.2.53 192.0.2.54' }),
    );
    expect(spec.cloudInit).toMatchObject({
      user: { password: 'secret' },
      network: { address: '192.0.2.10/24', gateway: '192.0.2.1', dns: ['192.0.2.53', '192.0.2.54'] },
    });
    expect(createVmSpecSchema.safeParse(spec).success).toBe(true);
    const none = toSpec(filled({ catalogId: 'x', userName: 'admin' })).cloudInit as Record<string, unknown>;
    expect((none.user as Record<string, unknown>).password).toBeUndefined();
    expect(none.network).toBeUndefined();
  });

  it('builds an image from a URL with its checksum, and from an uploaded volume', () => {
    const url = toSpec(filled({ imageFrom: 'url', imageUrl: 'https://example.org/i.qcow2', checksumHex: 'ab'.repeat(32) }));
    expect(url.source).toMatchObject({ image: { from: 'url', url: 'https://example.org/i.qcow2', checksum: { algorithm: 'sha256', hex: 'ab'.repeat(32) } } });
    expect(createVmSpecSchema.safeParse(url).success).toBe(true);
    const vol = toSpec(filled({ imageFrom: 'volume', volume: 'images/base.qcow2' }));
    expect(vol.source).toMatchObject({ image: { from: 'volume', pool: 'images', volume: 'base.qcow2' } });
    expect(createVmSpecSchema.safeParse(vol).success).toBe(true);
  });

  it('builds ISO installs, imports and direct kernel boots without cloud-init', () => {
    const iso = toSpec(filled({ source: 'iso', volume: 'default/installer.iso' }));
    expect(iso.source).toEqual({ kind: 'iso', iso: { pool: 'default', volume: 'installer.iso' } });
    expect(iso.cloudInit).toBeUndefined();
    const disk = toSpec(filled({ source: 'import', volume: 'default/disk.qcow2' }));
    expect(disk.source).toEqual({ kind: 'import', disk: { pool: 'default', volume: 'disk.qcow2' } });
    const kernel = toSpec(filled({ source: 'kernel', kernel: '/boot/vmlinuz', initrd: '' }));
    expect(kernel.source).toEqual({ kind: 'kernel', kernel: '/boot/vmlinuz', cmdline: 'console=ttyS0' });
    for (const spec of [iso, disk, kernel]) expect(createVmSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('connects to a bridge or to nothing', () => {
    expect(toSpec(filled({ netType: 'bridge', bridge: 'br0', nicModel: 'e1000e' })).network).toEqual({ type: 'bridge', bridge: 'br0', model: 'e1000e' });
    expect(toSpec(filled({ netType: 'none' })).network).toEqual({ type: 'none' });
  });

  it('sends numbers the user did not give as NaN, which the server refuses on the right step', () => {
    const spec = toSpec(filled({ catalogId: 'x', vcpus: ' ', memoryMiB: 'lots' }));
    expect(spec.resources).toEqual({ vcpus: Number.NaN, memoryMiB: Number.NaN });
    const parsed = createVmSpecSchema.safeParse(spec);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('resources.vcpus');
    expect(new Set(paths.map(stepOfField))).toEqual(new Set(['resources']));
  });
});

describe('tags and placement', () => {
  it('sends the tags typed, separated by spaces or commas', () => {
    const spec = toSpec(filled({ catalogId: 'x', tags: 'db, prod  eu' }));
    expect(spec.tags).toEqual(['db', 'prod', 'eu']);
    expect(createVmSpecSchema.parse(spec).tags).toEqual(['db', 'prod', 'eu']);
  });

  it('asks placement for the size, the new disk, the pools and network the VM uses, and its tags', () => {
    const body = placementBody(filled({ catalogId: 'x', vcpus: '2', memoryMiB: '2048', sizeGiB: '20', tags: 'db' }));
    expect(body).toEqual({ vcpus: 2, memoryMiB: 2048, pools: ['default'], disk: { pool: 'default', sizeGiB: 20 }, networks: ['default'], tags: ['db'] });
    expect(placementRequestSchema.parse(body)).toMatchObject({ pools: ['default'], disk: { pool: 'default', bytes: 20 * 1024 ** 3 } });
  });

  it('names the pool of an ISO or imported disk, and no disk or network when there is none', () => {
    expect(placementBody(filled({ source: 'import', volume: 'images/disk.qcow2', netType: 'none' }))).toMatchObject({
      pools: ['images'],
      disk: null,
      networks: [],
    });
    expect(placementBody(filled({ source: 'iso', volume: 'isos/d.iso', pool: 'fast' }))).toMatchObject({ pools: ['isos'], disk: { pool: 'fast' } });
    expect(placementBody(filled({ source: 'kernel', sizeGiB: '0', netType: 'bridge', bridge: 'br0' }))).toMatchObject({ disk: null, networks: [] });
  });
});

describe('stepOfField', () => {
  // The mapping itself is tested with lib/provisioning/steps; here, only that the wizard uses that one.
  it('is the one of lib/provisioning/steps, and the last step is the review', () => {
    expect(stepOfField).toBe(libStepOfField);
    expect(STEPS.at(-1)!.id).toBe('review');
  });
});

const debian = osVariant({
  id: 'http://debian.org/debian/11',
  shortId: 'debian11',
  name: 'Debian 11',
  vendor: 'Debian Project',
  releaseDate: '2021-08-14',
  memory: { minimumMiB: 1024, recommendedMiB: 1024 },
  firmware: { efi: false, bios: true },
});

describe('osDefaults', () => {
  it("takes the OS's recommended memory and disk and its virtio drivers, and records the OS in the spec", () => {
    const { patch, notes } = osDefaults(debian, filled({}), { hostMemoryMiB: 16384 });
    expect(patch).toMatchObject({ osVariant: debian, memoryMiB: '1024', sizeGiB: '20', bus: 'virtio', nicModel: 'virtio' });
    expect(patch.firmware).toBeUndefined();
    expect(notes).toEqual(['1024 MiB of memory (it needs at least 1024)', 'a 20 GiB disk', 'virtio disk', 'virtio network']);
    expect(toSpec(filled(patch)).os).toEqual({ machine: 'q35', firmware: 'bios', variant: 'http://debian.org/debian/11' });
  });

  it('keeps memory to half the host, disks to the image, and gives an old or UEFI-only OS what it needs', () => {
    const win: OsVariant = {
      ...debian,
      name: 'Windows 11',
      virtio: { disk: false, net: false },
      memory: { minimumMiB: 4096, recommendedMiB: 8192 },
      disk: { minimumGiB: 64, recommendedGiB: null },
      minimumCpus: 2,
      firmware: { efi: true, bios: false },
    };
    const { patch } = osDefaults(win, filled({}), { hostMemoryMiB: 6000 });
    expect(patch).toMatchObject({ memoryMiB: '4096', sizeGiB: '64', bus: 'sata', nicModel: 'e1000e', firmware: 'efi', vcpus: '2' });
    expect(osDefaults(debian, filled({}), { hostMemoryMiB: 16384, imageMinDiskGiB: 30 }).patch.sizeGiB).toBe('30');
    expect(osDefaults(debian, filled({ source: 'import' }), { hostMemoryMiB: 16384 }).patch.sizeGiB).toBeUndefined();
  });
});

describe('stateFromSpec', () => {
  it('fills the form back from the settings a job started from, except the password', () => {
    const form = filled({
      catalogId: 'debian-12',
      osVariant: debian,
      userName: 'admin',
      sshKeys: KEY,
      password: 'secret',
      packages: 'curl git',
      staticAddress: '192.0.2.10/24',
      gateway: '192.0.2.1',
      dns: '192.0.2.53',
      start: false,
    });
    const spec = createVmSpecSchema.parse(toSpec(form));
    const back = stateFromSpec(spec, debian);
    expect(back).toEqual({ ...form, password: '', openConsole: true });
    expect(toSpec(back)).toEqual({
      ...toSpec(form),
      cloudInit: { ...(toSpec(form).cloudInit as object), user: { name: 'admin', sshKeys: [KEY], sudo: true } },
    });
  });

  it('fills ISO, import, kernel and bridge settings back', () => {
    for (const form of [
      filled({ source: 'iso', volume: 'default/installer.iso', sizeGiB: '8', netType: 'bridge', bridge: 'br0', nicModel: 'e1000e' }),
      filled({ source: 'import', volume: 'default/disk.qcow2', netType: 'none', bus: 'sata' }),
      filled({ source: 'kernel', kernel: '/boot/vmlinuz', initrd: '/boot/initrd', cmdline: 'console=ttyS0 quiet', sizeGiB: '0' }),
      filled({ imageFrom: 'url', imageUrl: 'https://example.org/i.qcow2', checksumAlgorithm: 'sha512', checksumHex: 'ab'.repeat(64), fullCopy: true }),
    ]) {
      expect(toSpec(stateFromSpec(createVmSpecSchema.parse(toSpec(form))))).toEqual(toSpec(form));
    }
  });
});
