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
