import { describe, expect, it, vi } from 'vitest';
import { dropProcessSingleton, processSingleton } from './singleton';

describe('processSingleton', () => {
  it('creates once per name, whichever copy of the module asks', async () => {
    let made = 0;
    const a = processSingleton('test.a', () => ({ n: ++made }));
    expect(processSingleton('test.a', () => ({ n: ++made }))).toBe(a);
    // A second evaluation of the module (as Next does per bundle) sees the same instance.
    vi.resetModules();
    const copy = await import('./singleton');
    expect(copy.processSingleton).not.toBe(processSingleton);
    expect(copy.processSingleton('test.a', () => ({ n: ++made }))).toBe(a);
    expect(made).toBe(1);
    dropProcessSingleton('test.a');
    expect(processSingleton('test.a', () => ({ n: ++made }))).not.toBe(a);
  });
});
