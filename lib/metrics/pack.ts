import { createHash } from 'node:crypto';
import type { Point } from './point';

// A point is stored as its values in the order of a layout (the sorted keys it has), 4 bytes each (float32: 7
// significant digits, plenty for a graph), NaN for a gap. The layout is stored once and shared by every point with
// the same devices, so a row is a small integer and a few dozen floats.

export interface Layout {
  keys: readonly string[];
  /** Stable id of the key list, for the database's unique index (the list itself may be long). */
  hash: string;
}

export function layoutOf(p: Point): Layout {
  const keys = Object.keys(p).sort();
  return { keys, hash: layoutHash(keys) };
}

export function layoutHash(keys: readonly string[]): string {
  return createHash('sha256').update(keys.join('\n')).digest('base64url').slice(0, 32);
}

export function encodePoint(p: Point, keys: readonly string[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(keys.length * 4);
  const view = new DataView(out.buffer);
  keys.forEach((k, i) => view.setFloat32(i * 4, p[k] ?? Number.NaN, true));
  return out;
}

export function decodePoint(bytes: Uint8Array, keys: readonly string[]): Point {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p: Point = {};
  const n = Math.min(keys.length, Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < n; i++) {
    const v = view.getFloat32(i * 4, true);
    if (!Number.isNaN(v)) p[keys[i]!] = v;
  }
  return p;
}
