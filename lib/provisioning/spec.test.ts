import { describe, expect, it } from 'vitest';
import { zodFields } from '@/lib/errors';
import { createVmSpecSchema } from './spec';

// Every refusal of the wizard's settings reads as a sentence a person acts on, never as zod's own wording.

const ok = {
  name: 'web-01',
  source: { kind: 'cloud-image', image: { from: 'catalog', id: 'debian-12' } },
  resources: { vcpus: 1, memoryMiB: 512 },
  storage: { pool: 'default', sizeGiB: 10 },
  network: { type: 'network', network: 'default' },
};

const BAD: Record<string, unknown>[] = [
  {},
  { ...ok, name: '' },
  { ...ok, name: 5 },
  { ...ok, source: { kind: 'cloud-image', image: { from: 'catalog', id: '' } } },
  { ...ok, source: { kind: 'cloud-image', image: { from: 'url', url: '', checksum: { algorithm: 'sha256', hex: '' } } } },
  { ...ok, source: { kind: 'cloud-image', image: { from: 'url', url: 'ftp://x', checksum: { algorithm: 'md5', hex: 'zz' } } } },
  { ...ok, source: { kind: 'cloud-image', image: { from: 'nowhere' } } },
  { ...ok, source: { kind: 'cloud-image' } },
  { ...ok, source: { kind: 'iso', iso: { pool: '', volume: '' } } },
  { ...ok, source: { kind: 'iso' } },
  { ...ok, source: { kind: 'import', disk: { pool: 'p' } } },
  { ...ok, source: { kind: 'kernel', kernel: '' } },
  { ...ok, source: { kind: 'nope' } },
  { ...ok, source: undefined },
  { ...ok, os: { machine: 'isapc', firmware: 'coreboot', variant: 'debian' } },
  { ...ok, resources: undefined },
  { ...ok, resources: { vcpus: 0.5, memoryMiB: 1e12 } },
  { ...ok, resources: { vcpus: 'two', memoryMiB: null } },
  { ...ok, storage: undefined },
  { ...ok, storage: { pool: '', sizeGiB: -1, format: 'vmdk', bus: 'floppy' } },
  { ...ok, network: undefined },
  { ...ok, network: { type: 'wifi' } },
  { ...ok, network: { type: 'network', network: '', model: 'ne2k' } },
  { ...ok, network: { type: 'bridge' } },
  { ...ok, start: 'yes', identity: { uuid: 'x', mac: 'y' }, xml: 5 },
  { ...ok, identity: 'me' },
  {
    ...ok,
    cloudInit: { hostname: '-x', user: { name: 'Root', password: '', sshKeys: ['nope'] }, packages: ['a b'], runcmd: [''], network: { address: '1.2.3.4' } },
  },
  {
    ...ok,
    cloudInit: {
      hostname: 'h',
      packages: Array(201).fill('p'),
      runcmd: Array(101).fill('x'),
      network: { address: '10.0.0.2/24', dns: Array(5).fill('1.1.1.1') },
    },
  },
];

const ZOD_WORDING = /expected|Too small|Too big|Invalid (input|option|discriminator)|received|>=|<=/i;

describe('createVmSpecSchema', () => {
  it('takes a complete spec', () => {
    expect(createVmSpecSchema.safeParse(ok).success).toBe(true);
  });

  it.each(BAD.map((b, i) => [i, b] as const))('refuses bad input %i with plain messages', (_i, bad) => {
    const r = createVmSpecSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const fields = zodFields(r.error!);
    for (const [field, message] of Object.entries(fields)) {
      expect(message, field).not.toMatch(ZOD_WORDING);
      expect(message, field).toMatch(/^[A-Za-z"].*[.)]$/);
    }
  });

  it('names what to choose for an empty pick', () => {
    const fields = (b: unknown) => zodFields(createVmSpecSchema.safeParse(b).error!);
    expect(fields({ ...ok, source: { kind: 'cloud-image', image: { from: 'catalog', id: '' } } })).toEqual({
      'source.image.id': 'Choose an image from the catalog.',
    });
    expect(fields({ ...ok, source: { kind: 'iso', iso: { pool: '', volume: '' } } })).toEqual({
      'source.iso.pool': 'Choose an installer ISO.',
      'source.iso.volume': 'Choose an installer ISO.',
    });
    expect(fields({ ...ok, network: { type: 'network', network: '' } })).toEqual({ 'network.network': 'Choose a libvirt network.' });
    expect(fields({ ...ok, name: '' })).toEqual({ name: 'A virtual machine name cannot be empty.' });
  });
});
