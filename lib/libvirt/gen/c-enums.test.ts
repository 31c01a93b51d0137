import { describe, expect, it } from 'vitest';
import { evalIntExpr, parseCEnums } from './c-enums';

describe('evalIntExpr', () => {
  it('follows JavaScript precedence and int32 bitwise semantics', () => {
    expect(evalIntExpr('1 << 2 | 1')).toBe(5);
    expect(evalIntExpr('(1 << 31)')).toBe(-2147483648);
    expect(evalIntExpr('1 + 2 << 3')).toBe(24);
    expect(evalIntExpr('0x10 & ~1')).toBe(16);
    expect(evalIntExpr('-(2) - -3')).toBe(1);
    expect(evalIntExpr('NaN')).toBeNaN();
    expect(evalIntExpr('NaN | 1')).toBe(1);
  });

  it('refuses anything but the expression grammar', () => {
    for (const bad of ['1 2', '(1', '1 +', 'a', '1 < 2', ')', '--1']) expect(() => evalIntExpr(bad), bad).toThrow(SyntaxError);
  });
});

describe('parseCEnums', () => {
  it('reads defines, explicit and implicit members, names seen before and unsigned shifts', () => {
    const known = new Map<string, number>();
    const src = `
#define VIR_UUID_BUFLEN (16)
typedef enum {
    VIR_A = 0, /* first */
    VIR_B,
    VIR_C = (1 << 2) | VIR_B,
    VIR_D = -1,
    VIR_TOP = 1U << 31,
    VIR_LEN = VIR_UUID_BUFLEN,
    VIR_UNKNOWN = VIR_NOT_DEFINED + 1,
} virThing;`;
    expect(parseCEnums(src, known)).toEqual([
      {
        name: 'virThing',
        members: [
          { name: 'VIR_A', value: 0, implicit: false },
          { name: 'VIR_B', value: 1, implicit: true },
          { name: 'VIR_C', value: 5, implicit: false },
          { name: 'VIR_D', value: -1, implicit: false },
          { name: 'VIR_TOP', value: 2147483648, implicit: false },
          { name: 'VIR_LEN', value: 16, implicit: false },
        ],
      },
    ]);
    expect(known.get('VIR_UUID_BUFLEN')).toBe(16);
  });
});
