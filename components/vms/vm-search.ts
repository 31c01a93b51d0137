import type { FleetRow } from '@/components/data/types';
import { tagMatches } from './tags/tag-filter';

// The VM list's search box: a row matches when its name, host, an IP address, a MAC address or a tag contains the
// text. Pure (no React), so the rules are unit-tested.

/** Word-like text shorter than this is not taken for a MAC without separators: "db" or "cafe" would match MACs. */
const BARE_MAC_MIN = 6;

/**
 * Whether one of the MACs (lower-case, colon-separated, as the inventory gives them) contains the text: typed with
 * colons or dashes (52-54-00-ab) it is matched as written; bare (525400ab) or dotted (5254.00ab) it is matched
 * against the MACs' digits alone, from six hex digits on.
 */
export function macMatches(macs: readonly string[] | undefined, q: string): boolean {
  if (!q || !macs?.length) return false;
  const digits = q.replace(/[:.-]/g, '');
  if (!/^[0-9a-f]+$/.test(digits)) return false;
  if (/[:-]/.test(q)) {
    const colons = q.replace(/-/g, ':');
    return macs.some((m) => m.includes(colons));
  }
  if (digits.length < BARE_MAC_MIN) return false;
  return macs.some((m) => m.replace(/:/g, '').includes(digits));
}

/** Whether the row matches the search text (trimmed and lower-cased by the caller; '' matches every row). */
export function rowMatches(r: FleetRow, q: string): boolean {
  return !q || r.name.toLowerCase().includes(q) || r.host.includes(q) || r.ips.some((ip) => ip.includes(q)) || macMatches(r.macs, q) || tagMatches(r, q);
}
