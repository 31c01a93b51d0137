import { describe, expect, it } from 'vitest';
import { dropProcessSingleton, processSingleton } from './singleton';

describe('processSingleton', () => {
  it('creates once per name and survives a second copy of the module', async () => {
    let made = 0;
    const a = processSingleton('test.a', () => ({ n: ++made }));
    expect(processSingleton('test.a', () => ({ n: ++made }))).toBe(a);
    // A second evaluation of the module (as Next does per bundle) sees the same slot.
    const again = await import('./singleton?copy=2').catch(() => null);
    if (again) expect(again.processSingleton('test.a', () => ({ n: ++made }))).toBe(a);
    expect(made).toBe(1);
    dropProcessSingleton('test.a');
    expect(processSingleton('test.a', () => ({ n: ++made }))).not.toBe(a);
  });
});
