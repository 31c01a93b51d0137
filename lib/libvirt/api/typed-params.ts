import { TypedParameterType } from '../protocol/constants.gen';
import type { TypedParam, TypedParamValue } from '../protocol/remote.gen';

export type ParamValue = number | bigint | string | boolean;

type ValueOfType<T extends TypedParamValue['type']> = (v: Extract<TypedParamValue, { type: T }>) => ParamValue;

/** Each TypedParameterType's value as JavaScript holds it. */
const VALUE: { [T in TypedParamValue['type']]: ValueOfType<T> } = {
  [TypedParameterType.INT]: (v) => v.i,
  [TypedParameterType.UINT]: (v) => v.ui,
  [TypedParameterType.LLONG]: (v) => v.l,
  [TypedParameterType.ULLONG]: (v) => v.ul,
  [TypedParameterType.DOUBLE]: (v) => v.d,
  [TypedParameterType.BOOLEAN]: (v) => v.b !== 0,
  [TypedParameterType.STRING]: (v) => v.s,
};

/**
 * Typed parameters as a plain record. 64-bit values stay bigint so counters such as cpu.time (ns) and byte
 * totals keep full precision; callers turn them into rates with Number() once they have taken a difference.
 */
export function paramsToRecord(params: TypedParam[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const { field, value } of params) {
    // The table is keyed by the union's tag, so the reader found for a value takes that value's variant.
    out[field] = (VALUE[value.type] as (v: TypedParamValue) => ParamValue)(value);
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
