import { TypedParameterType } from '../protocol/constants.gen';
import type { TypedParam } from '../protocol/remote.gen';

export type ParamValue = number | bigint | string | boolean;

/**
 * Typed parameters as a plain record. 64-bit values stay bigint so counters such as cpu.time (ns) and byte
 * totals keep full precision; callers turn them into rates with Number() once they have taken a difference.
 */
export function paramsToRecord(params: TypedParam[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const p of params) {
    const v = p.value;
    switch (v.type) {
      case TypedParameterType.INT:
        out[p.field] = v.i;
        break;
      case TypedParameterType.UINT:
        out[p.field] = v.ui;
        break;
      case TypedParameterType.LLONG:
        out[p.field] = v.l;
        break;
      case TypedParameterType.ULLONG:
        out[p.field] = v.ul;
        break;
      case TypedParameterType.DOUBLE:
        out[p.field] = v.d;
        break;
      case TypedParameterType.BOOLEAN:
        out[p.field] = v.b !== 0;
        break;
      case TypedParameterType.STRING:
        out[p.field] = v.s;
        break;
    }
  }
  return out;
}

/**
 * Builders for typed parameters sent to libvirt. The daemon checks each field's type against the one its API
 * documents (a bandwidth given as UINT where ULLONG is expected is refused), so callers name the type.
 */
export const typedParam = {
  int: (field: string, i: number): TypedParam => ({ field, value: { type: TypedParameterType.INT, i } }),
  uint: (field: string, ui: number): TypedParam => ({ field, value: { type: TypedParameterType.UINT, ui } }),
  ullong: (field: string, ul: bigint | number): TypedParam => ({ field, value: { type: TypedParameterType.ULLONG, ul: BigInt(ul) } }),
  boolean: (field: string, b: boolean): TypedParam => ({ field, value: { type: TypedParameterType.BOOLEAN, b: b ? 1 : 0 } }),
  string: (field: string, s: string): TypedParam => ({ field, value: { type: TypedParameterType.STRING, s } }),
};
