// Sizes in libvirt XML carry a unit attribute (KiB when absent); Vireo computes in KiB. Pure: the browser uses it.

/** KiB per unit, by libvirt's unit names (lower-cased): b/bytes, k/KiB, KB (1000), M/MiB, MB, G/GiB, GB, T/TiB, TB. */
export const KIB_PER_UNIT: Readonly<Record<string, number>> = {
  b: 1 / 1024,
  bytes: 1 / 1024,
  k: 1,
  kib: 1,
  kb: 1000 / 1024,
  m: 1024,
  mib: 1024,
  mb: 1e6 / 1024,
  g: 1024 ** 2,
  gib: 1024 ** 2,
  gb: 1e9 / 1024,
  t: 1024 ** 3,
  tib: 1024 ** 3,
  tb: 1e12 / 1024,
};

/** A size in a libvirt unit (null = KiB) as whole KiB; an unknown unit is taken as KiB, as before. */
export function toKiB(value: number, unit: string | null): number {
  return Math.round(value * (KIB_PER_UNIT[(unit ?? 'KiB').toLowerCase()] ?? 1));
}

export const KiB_PER_MiB = 1024;
export const BYTES_PER_GiB = 1024 ** 3;

export const mibToKiB = (mib: number): number => mib * KiB_PER_MiB;
export const kibToMiB = (kib: number): number => Math.round(kib / KiB_PER_MiB);
