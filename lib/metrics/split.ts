/**
 * `items` dealt round-robin into at most `parts` non-empty groups (fewer when there are fewer items), so groups
 * differ in size by one at most.
 */
export function dealInto<T>(items: readonly T[], parts: number): T[][] {
  const n = Math.max(1, Math.min(Math.floor(parts), items.length));
  const groups: T[][] = Array.from({ length: items.length ? n : 0 }, () => []);
  items.forEach((item, i) => groups[i % n]!.push(item));
  return groups;
}
