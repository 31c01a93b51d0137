import { describe, expect, it } from 'vitest';
import { keysymFor, keyStrokesForText, XK } from './keysyms';

describe('keysyms', () => {
  it('maps Latin-1 to itself and other characters to Unicode keysyms', () => {
    expect(keysymFor('a')).toBe(0x61);
    expect(keysymFor('Z')).toBe(0x5a);
    expect(keysymFor('é')).toBe(0xe9);
    expect(keysymFor('€')).toBe(0x010020ac);
  });

  it('maps line ends and tabs to their keys and skips other control characters', () => {
    expect(keyStrokesForText('ls\r\n\tx\u0007').map((k) => k.keysym)).toEqual([0x6c, 0x73, XK.Return, XK.Tab, 0x78]);
  });

  it('holds Shift for upper-case letters and shifted symbols', () => {
    expect(keyStrokesForText('aB$').map((k) => k.shift)).toEqual([false, true, true]);
  });
});
