'use client';

import type { VmRow } from '@/components/data/types';
import { FilterSelect } from '@/components/ui/filter-select';

// The VM list's tag filter: every tag some VM carries, and which rows a chosen tag (and the search box) keeps.

/** Every tag of the rows, sorted, each once. */
export function tagsOfRows(rows: readonly VmRow[] | undefined): string[] {
  return [...new Set(rows?.flatMap((r) => r.tags ?? []))].sort();
}

/** Whether a row carries the chosen tag ('' = any). */
export function hasTag(row: VmRow, tag: string): boolean {
  return !tag || (row.tags ?? []).includes(tag);
}

/** Whether one of the row's tags contains the (lowercased) search text. */
export function tagMatches(row: VmRow, q: string): boolean {
  return !!q && (row.tags ?? []).some((t) => t.includes(q));
}

export function TagFilter({ rows, value, onChange }: { rows: readonly VmRow[] | undefined; value: string; onChange: (tag: string) => void }) {
  const all = tagsOfRows(rows);
  // A chosen tag stays selectable while no VM carries it any more, so the filter never jumps by itself.
  const options = value && !all.includes(value) ? [...all, value] : all;
  return <FilterSelect label="Filter by tag" all="All tags" value={value} onChange={onChange} values={options} testId="tag-filter" />;
}
