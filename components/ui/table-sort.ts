// How the data table orders rows: by one column's value, then by the first sortable column ascending, so rows
// that tie (two VMs both running) keep a stable, readable order whichever way the sort goes.

export type SortValue = string | number | boolean | null | undefined;

export interface SortState {
  column: string;
  dir: 1 | -1;
}

export interface Sortable<T> {
  id: string;
  sortValue?: (row: T) => SortValue;
}

/** Numbers and booleans by value, text by natural order ("vm2" before "vm10"), empty values after the rest. */
export function compareValues(x: SortValue, y: SortValue): number {
  const xEmpty = x === null || x === undefined || x === '';
  const yEmpty = y === null || y === undefined || y === '';
  if (xEmpty || yEmpty) return Number(xEmpty) - Number(yEmpty);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return String(x).localeCompare(String(y), undefined, { numeric: true });
}

export function sortRows<T>(rows: readonly T[], columns: readonly Sortable<T>[], sort: SortState | null | undefined): readonly T[] {
  const by = sort ? columns.find((c) => c.id === sort.column && c.sortValue) : undefined;
  if (!sort || !by?.sortValue) return rows;
  const key = by.sortValue;
  const tie = columns.find((c) => c.sortValue)!.sortValue!;
  return [...rows].sort((a, b) => compareValues(key(a), key(b)) * sort.dir || compareValues(tie(a), tie(b)));
}

/** The sort after a click on a column's header: the same column flips, another one starts ascending. */
export function nextSort(current: SortState | null | undefined, column: string): SortState {
  return { column, dir: current?.column === column ? (current.dir === 1 ? -1 : 1) : 1 };
}
