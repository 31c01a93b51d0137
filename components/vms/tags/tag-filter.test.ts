import { describe, expect, it } from 'vitest';
import type { VmRow } from '@/components/data/types';
import { hasTag, tagMatches, tagsOfRows } from './tag-filter';

const row = (name: string, tags?: string[]) => ({ name, uuid: name, tags }) as VmRow;
const rows = [row('a', ['web', 'prod']), row('b', ['db', 'prod']), row('c'), row('d', [])];

describe('the VM list by tag', () => {
  it('offers every tag once, sorted', () => {
    expect(tagsOfRows(rows)).toEqual(['db', 'prod', 'web']);
    expect(tagsOfRows(undefined)).toEqual([]);
  });

  it('keeps the rows with the chosen tag, every row for none', () => {
    expect(rows.filter((r) => hasTag(r, 'prod')).map((r) => r.name)).toEqual(['a', 'b']);
    expect(rows.filter((r) => hasTag(r, '')).length).toBe(4);
  });

  it('lets the search box find a part of a tag', () => {
    expect(rows.filter((r) => tagMatches(r, 'we')).map((r) => r.name)).toEqual(['a']);
    expect(rows.filter((r) => tagMatches(r, '')).length).toBe(0);
  });
});
