/** Parses a whole number typed into a field; NaN when empty or not a whole number. */
export function whole(v: string): number {
  return /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
}
