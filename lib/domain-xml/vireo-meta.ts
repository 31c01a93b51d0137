import { str, many, xmlModel } from './model';

// Vireo's own notes in a domain's <metadata>, in a namespace of its own so libvirt and other tools keep them
// untouched: whether the VM is a template (and which disks Vireo made read-only for that), which template a linked
// clone is layered on, and which files Vireo made for the VM's external snapshots (so deleting the VM, or a
// snapshot, removes exactly those). Kept in libvirt, they travel with the VM to whichever host it is defined on.

export const VIREO_NS = 'https://vireo.dev/xmlns/vm/1';
/** The prefix and namespace libvirt's metadata calls (virDomainSetMetadata) take for Vireo's element. */
export const VIREO_METADATA = { key: 'vireo', uri: VIREO_NS } as const;

/** A file an external snapshot made: a disk's overlay, or the memory state of a running VM. */
export class SnapshotFile extends xmlModel('SnapshotFile', 'vireo:file', {
  snapshot: str('@snapshot'),
  role: str<'overlay' | 'memory'>('@role'),
  /** The disk's target (overlays only). */
  disk: str('@disk'),
  path: str('@path'),
  /** The image the overlay was layered on when the snapshot was taken (overlays only). */
  base: str('@base'),
}) {}

export class VireoMeta extends xmlModel(
  'VireoMeta',
  'vireo:vm',
  {
    /** When the VM was made a template (ISO 8601); absent for an ordinary VM. */
    templateSince: str('vireo:template/@since'),
    /** Disk targets Vireo made read-only when marking the template, space-separated (put back when unmarked). */
    templateReadonly: str('vireo:template/@readonly-disks'),
    /** A linked clone: the template whose disks back its own. */
    linkedTemplate: str('vireo:linked-clone/@template'),
    linkedTemplateUuid: str('vireo:linked-clone/@template-uuid'),
    files: many(SnapshotFile, 'vireo:file'),
  },
  { '': ['vireo:template', 'vireo:linked-clone', 'vireo:file'] },
  { vireo: VIREO_NS },
) {
  get isTemplate(): boolean {
    return this.templateSince !== null;
  }

  /** Records a file a snapshot made. */
  addFile(f: { snapshot: string; role: 'overlay' | 'memory'; path: string; disk?: string; base?: string | null }): SnapshotFile {
    const el = this.element();
    const file = this.add(new SnapshotFile(el.ownerDocument!.createElementNS(VIREO_NS, 'vireo:file')));
    file.snapshot = f.snapshot;
    file.role = f.role;
    if (f.disk) file.disk = f.disk;
    file.path = f.path;
    if (f.base) file.base = f.base;
    return file;
  }

  filesOf(snapshot: string): SnapshotFile[] {
    return this.files.filter((f) => f.snapshot === snapshot);
  }
}
