export const SIZE_UNITS = { MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

/** Bytes from a number typed in a unit; NaN when it is not a positive number. */
export function toBytes(value: string, unit: SizeUnit): number {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && n > 0 ? Math.round(n * SIZE_UNITS[unit]) : Number.NaN;
}
