import type { Element } from '@xmldom/xmldom';
import { KIB_PER_UNIT } from '@/lib/domain-xml/units';
import { attr, text } from '@/lib/xml/parse';

/**
 * A size element of a pool or volume definition (<capacity unit='G'>10</capacity>) in bytes: bytes when it has no
 * unit (or one libvirt does not know), null when it is absent or not a number.
 */
export function sizeInBytes(el: Element | null): number | null {
  const t = text(el);
  if (t === null || t === '') return null;
  const n = Number(t);
  const kib = KIB_PER_UNIT[(attr(el, 'unit') ?? 'bytes').toLowerCase()];
  return Number.isFinite(n) ? n * (kib === undefined ? 1 : kib * 1024) : null;
}
