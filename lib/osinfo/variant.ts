import type { OsRecord, Resources } from './record';
import type { OsVariant } from './types';

// Resolves what each OS inherits (libosinfo's rules): devices and firmware from everything it derives from or
// clones, the nearest definition winning and supported="false" cancelling; resources only when it has none of
// its own or says inherit="true".

const VIRTIO_DISK = ['http://pcisig.com/pci/1af4/1001', 'http://pcisig.com/pci/1af4/1042'];
const VIRTIO_NET = ['http://pcisig.com/pci/1af4/1000', 'http://pcisig.com/pci/1af4/1041'];

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

interface Resolved {
  devices: Map<string, boolean>;
  firmware: Map<string, boolean>;
  minimum: Resources | null;
  recommended: Resources | null;
}

export function resolveVariants(records: readonly OsRecord[], today: string): OsVariant[] {
  const byId = new Map<string, OsRecord>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);
  const done = new Map<string, Resolved>();

  const resolve = (id: string, seen: Set<string>): Resolved | null => {
    const hit = done.get(id);
    if (hit) return hit;
    const r = byId.get(id);
    if (!r || seen.has(id)) return null;
    seen.add(id);
    const parents = r.parents.map((p) => resolve(p, seen)).filter((p): p is Resolved => p !== null);
    const devices = new Map<string, boolean>();
    const firmware = new Map<string, boolean>();
    for (const p of [...parents].reverse()) {
      for (const [k, v] of p.devices) devices.set(k, v);
      for (const [k, v] of p.firmware) firmware.set(k, v);
    }
    for (const [k, v] of r.devices) devices.set(k, v);
    for (const [k, v] of r.firmware) firmware.set(k, v);
    const inherited = parents.find((p) => p.minimum || p.recommended);
    const own = r.resources && !r.resources.inherit ? r.resources : null;
    const out: Resolved = {
      devices,
      firmware,
      minimum: own ? own.minimum : (inherited?.minimum ?? null),
      recommended: own ? own.recommended : (inherited?.recommended ?? null),
    };
    done.set(id, out);
    return out;
  };

  return [...byId.values()].map((r) => {
    const x = resolve(r.id, new Set())!;
    const has = (ids: string[]) => ids.some((d) => x.devices.get(d) === true);
    const mib = (b: number | null | undefined) => (b ? Math.round(b / MiB) : null);
    const gib = (b: number | null | undefined) => (b ? Math.round((b / GiB) * 10) / 10 : null);
    return {
      id: r.id,
      shortId: r.shortIds[0] ?? r.id.split('/').filter(Boolean).slice(-2).join(''),
      name: r.name,
      vendor: r.vendor,
      family: r.family,
      releaseDate: r.releaseDate,
      eol: r.eolDate !== null && r.eolDate < today,
      virtio: { disk: has(VIRTIO_DISK), net: has(VIRTIO_NET) },
      memory: { minimumMiB: mib(x.minimum?.ramBytes), recommendedMiB: mib(x.recommended?.ramBytes) },
      disk: { minimumGiB: gib(x.minimum?.storageBytes), recommendedGiB: gib(x.recommended?.storageBytes) },
      minimumCpus: x.minimum?.cpus ?? null,
      firmware: { efi: x.firmware.get('efi') === true, bios: x.firmware.get('bios') !== false },
    };
  });
}
