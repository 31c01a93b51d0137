import type { Element } from '@xmldom/xmldom';
import { append, newDocument } from '@/lib/xml/build';
import { attr, child, parseRoot, parseXml, path, serializeXml, text } from '@/lib/xml/parse';
import { sizeInBytes } from './size-xml';

// The parts of a libvirt <pool> definition Vireo builds and shows. One model reads and writes, so a pool made by
// the form reads back as the same model.

export { POOL_TYPES, type PoolType } from './pool-types';

export interface PoolModel {
  name: string;
  uuid: string | null;
  type: string;
  /** Where volumes live on the host (dir/fs/netfs mount point, /dev/<vg> for logical). */
  targetPath: string | null;
  /** fs: the block device to mount; logical: a physical volume. */
  sourceDevice: string | null;
  /** netfs: the NFS server. */
  sourceHost: string | null;
  /** netfs: the exported directory. */
  sourceDir: string | null;
  /** logical: the volume group name. */
  sourceName: string | null;
  capacity: number | null;
  allocation: number | null;
  available: number | null;
}

export function parsePoolXml(xml: string): PoolModel {
  const root = parseRoot(xml, 'pool');
  const source = child(root, 'source');
  return {
    name: text(child(root, 'name')) ?? '',
    uuid: text(child(root, 'uuid')),
    type: attr(root, 'type') ?? '',
    targetPath: text(path(root, 'target', 'path')),
    sourceDevice: attr(child(source, 'device'), 'path'),
    sourceHost: attr(child(source, 'host'), 'name'),
    sourceDir: attr(child(source, 'dir'), 'path'),
    sourceName: text(child(source, 'name')),
    capacity: sizeInBytes(child(root, 'capacity')),
    allocation: sizeInBytes(child(root, 'allocation')),
    available: sizeInBytes(child(root, 'available')),
  };
}

export function buildPoolXml(
  m: Pick<PoolModel, 'name' | 'type' | 'targetPath' | 'sourceDevice' | 'sourceHost' | 'sourceDir' | 'sourceName'> & { uuid?: string | null },
): string {
  const doc = newDocument('pool');
  const root = doc.documentElement!;
  root.setAttribute('type', m.type);
  append(root, 'name', {}, m.name);
  if (m.uuid) append(root, 'uuid', {}, m.uuid);
  if (m.sourceDevice || m.sourceHost || m.sourceDir || m.sourceName) {
    const source = append(root, 'source');
    if (m.sourceHost) append(source, 'host', { name: m.sourceHost });
    if (m.sourceDir) append(source, 'dir', { path: m.sourceDir });
    if (m.sourceDevice) append(source, 'device', { path: m.sourceDevice });
    if (m.sourceName) append(source, 'name', {}, m.sourceName);
    if (m.type === 'netfs') append(source, 'format', { type: 'nfs' });
  }
  if (m.targetPath) append(append(root, 'target'), 'path', {}, m.targetPath);
  return serializeXml(root);
}

/** Pool types the host's libvirt reports as supported (from the storage pool capabilities XML). */
export function supportedPoolTypes(capabilitiesXml: string): string[] {
  const root = parseXml(capabilitiesXml).documentElement!;
  const out: string[] = [];
  for (let n = root.firstChild; n; n = n.nextSibling) {
    const el = n as Element;
    if (n.nodeType === 1 && el.tagName === 'pool' && attr(el, 'supported') === 'yes' && attr(el, 'type')) out.push(attr(el, 'type')!);
  }
  return out;
}
