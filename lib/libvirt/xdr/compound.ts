import { XdrError } from './errors';
import type { XdrReader } from './reader';
import type { XdrWriter } from './writer';

/** Optional data (`T *x`): a bool, then the value when present. */
export function encOptional<T>(w: XdrWriter, v: T | null | undefined, enc: (w: XdrWriter, v: T) => void): void {
  if (v === null || v === undefined) {
    w.bool(false);
    return;
  }
  w.bool(true);
  enc(w, v);
}

export function decOptional<T>(r: XdrReader, dec: (r: XdrReader) => T): T | null {
  return r.bool() ? dec(r) : null;
}

/** Variable-length array (`T x<max>`). */
export function encArray<T>(w: XdrWriter, v: readonly T[], max: number, enc: (w: XdrWriter, v: T) => void): void {
  w.arrayLength(v.length, max);
  for (const item of v) enc(w, item);
}

export function decArray<T>(r: XdrReader, max: number, dec: (r: XdrReader) => T): T[] {
  const n = r.arrayLength(max);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = dec(r);
  return out;
}

/** Fixed-length array (`T x[n]`): no length on the wire. */
export function encFixedArray<T>(w: XdrWriter, v: readonly T[], n: number, enc: (w: XdrWriter, v: T) => void): void {
  if (v.length !== n) throw new XdrError(`fixed array needs ${n} elements, got ${v.length}`);
  for (const item of v) enc(w, item);
}

export function decFixedArray<T>(r: XdrReader, n: number, dec: (r: XdrReader) => T): T[] {
  if (n * 4 > r.remaining) throw new XdrError(`fixed array of ${n} elements exceeds the ${r.remaining} bytes left`);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = dec(r);
  return out;
}
