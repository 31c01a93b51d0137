import { describe, expect, it } from 'vitest';
import { createVmSpecSchema } from '@/lib/provisioning/spec';
import { initialState, STEPS, stepOfField, toSpec, type WizardState } from './wizard-state';

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

describe('stepOfField', () => {
  it('maps each server field path to the step holding its input, unknown ones to the review', () => {
    expect(stepOfField('name')).toBe('source');
    expect(stepOfField('source.image.url')).toBe('source');
    expect(stepOfField('os.firmware')).toBe('os');
    expect(stepOfField('resources.memoryMiB')).toBe('resources');
    expect(stepOfField('storage.pool')).toBe('storage');
    expect(stepOfField('network.bridge')).toBe('network');
    expect(stepOfField('cloudInit.user.sshKeys.0')).toBe('cloud-init');
    expect(stepOfField('xml')).toBe('review');
    expect(stepOfField('something.else')).toBe('review');
    expect(STEPS.at(-1)!.id).toBe('review');
  });
});
