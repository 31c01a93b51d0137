import { Domain } from '@/lib/domain-xml/domain';

// A clone's definition from its source's: the same hardware under a new name, UUID and MACs, its disks pointing at
// their copies (or overlays), a new cloud-init seed, its own firmware variables. Pure, so it is tested without
// libvirt.

export interface CloneIdentity {
  name: string;
  uuid: string;
  /** One new MAC per interface, in the source's order. */
  macs: string[];
  /** Disk target → the clone's volume. */
  disks: ReadonlyMap<string, { pool: string; volume: string; format: string }>;
  /** The clone's own seed (replaces the source's seed CD-ROM), when the source had one. */
  seed: { target: string; pool: string; volume: string } | null;
  /** For a linked clone: the template under its disks. */
  linkedTo: { name: string; uuid: string } | null;
}

export function cloneDefinition(sourceXml: string, id: CloneIdentity): string {
  const d = Domain.parse(sourceXml);
  d.name = id.name;
  d.uuid = id.uuid;
  d.interfaces.forEach((n, i) => {
    n.mac = id.macs[i]!;
  });
  for (const disk of d.disks) {
    const copy = disk.target ? id.disks.get(disk.target) : undefined;
    if (copy) {
      disk.setSource({ pool: copy.pool, volume: copy.volume });
      disk.format = copy.format;
      // A template's disks are read-only; its clone's copies are the clone's own to write.
      disk.readonly = false;
    } else if (id.seed && disk.target === id.seed.target) {
      disk.setSource({ pool: id.seed.pool, volume: id.seed.volume });
    }
  }
  // libvirt makes fresh firmware variables from the template file when the path is left out.
  if (d.os.nvram) d.os.nvram = null;
  const meta = d.vireo;
  for (const f of meta.files) f.remove();
  meta.templateSince = null;
  meta.templateReadonly = null;
  meta.linkedTemplate = id.linkedTo?.name ?? null;
  meta.linkedTemplateUuid = id.linkedTo?.uuid ?? null;
  if (!meta.linkedTemplate && meta.files.length === 0) meta.remove();
  return d.toXml();
}
