import { describe, expect, it } from 'vitest';
import { treeOrder } from './snapshots';

describe('treeOrder', () => {
  it('puts each snapshot before its children, oldest first, with depth and child counts', () => {
    const t = (name: string, parent: string | null, at: string) => ({ name, parent, createdAt: `2026-01-0${at}T00:00:00Z` });
    const out = treeOrder([t('c', 'a', '3'), t('b', 'a', '2'), t('a', null, '1'), t('d', 'b', '4'), t('z', 'gone', '5')]);
    expect(out.map((x) => [x.name, x.depth, x.children])).toEqual([
      ['a', 0, 2],
      ['b', 1, 1],
      ['d', 2, 0],
      ['c', 1, 0],
      ['z', 0, 0],
    ]);
  });
});
