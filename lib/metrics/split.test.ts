import { describe, expect, it } from 'vitest';
import { dealInto } from './split';

describe('dealInto', () => {
  it('gives each of the first groups one more when the items do not divide evenly', () => {
    expect(dealInto([1, 2, 3, 4, 5], 3)).toEqual([[1, 4], [2, 5], [3]]);
  });

  it('makes no more groups than items, and none for no items', () => {
    expect(dealInto(['a', 'b'], 5)).toEqual([['a'], ['b']]);
    expect(dealInto([], 4)).toEqual([]);
  });

  it('treats a part count below one as one', () => {
    expect(dealInto([1, 2], 0)).toEqual([[1, 2]]);
  });
});
