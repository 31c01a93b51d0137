import { Domain } from '@/lib/domain-xml/domain';

/** The domain XML with each disk whose file is a key of `paths` pointed at its new path (copies elsewhere). */
export function withDiskPaths(xml: string, paths: ReadonlyMap<string, string>): string {
  if (!paths.size) return xml;
  const d = Domain.parse(xml);
  for (const disk of d.disks) {
    const to = disk.file ? paths.get(disk.file) : undefined;
    if (to) disk.file = to;
  }
  return d.toXml();
}
