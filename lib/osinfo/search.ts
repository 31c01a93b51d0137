import type { OsVariant } from './types';

// Finding an OS by what people type: "debian 11", "win11", "ubuntu jammy", "rhel". Every word must appear in the
// name, a short id, the vendor or the family; current releases come before those past their end of life, newer
// before older.

function haystack(v: OsVariant): string {
  return [v.name, v.shortId, v.vendor ?? '', v.family ?? '', v.id].join(' ').toLowerCase();
}

function byRelevance(a: OsVariant, b: OsVariant): number {
  if (a.eol !== b.eol) return a.eol ? 1 : -1;
  return (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '') || a.name.localeCompare(b.name);
}

export function searchVariants(all: readonly OsVariant[], query: string, limit: number): OsVariant[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const exact = all.find((v) => v.shortId.toLowerCase() === query.trim().toLowerCase() || v.id === query.trim());
  const hits = all.filter((v) => {
    const h = haystack(v);
    return words.every((w) => h.includes(w));
  });
  const sorted = hits.filter((v) => v !== exact).sort(byRelevance);
  return (exact ? [exact, ...sorted] : sorted).slice(0, limit);
}
