import { describe, expect, it } from 'vitest';
import { whole } from './whole-number';

describe('whole', () => {
  it('reads whole numbers, with spaces around, and nothing else', () => {
    expect(whole('4')).toBe(4);
    expect(whole(' 12 ')).toBe(12);
    for (const bad of ['', ' ', '1.5', '-1', '1e3', 'two']) expect(whole(bad)).toBeNaN();
  });
});
