'use client';

import { memo, useCallback, useMemo, useRef, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { Alert } from './alert';
import { nextSort, sortRows, type SortState, type SortValue } from './table-sort';
import { useMediaQuery } from './use-media-query';
import { useWindowRange } from './use-window-range';

// The one table for lists of things: columns declared once, optional sorting by header, optional row selection
// with a "select all shown" box, and windowing for long lists (only the rows near the viewport are rendered,
// the rest stand in as two spacer rows), so a list of thousands scrolls like a list of fifty.
//
// On a phone (below Tailwind's sm breakpoint) every row is a card: one line per column, its header before it, so
// nothing (the actions least of all) is out of reach to the side. The sortable headers stay above the cards as
// sort buttons. Cards have no fixed height, so a phone renders the list whole rather than windowed.

export interface Column<T> {
  id: string;
  header: ReactNode;
  /** The column's name on a phone's card, when the header is not plain text. */
  label?: string;
  cell: (row: T) => ReactNode;
  /** Makes the header a sort button; the value the rows are ordered by. */
  sortValue?: (row: T) => SortValue;
  /** Extra classes for this column's cells. */
  className?: string;
}

/** The last column: a row's buttons, right-aligned and never wrapped (on a phone, the card's last line). */
export function actionsColumn<T>(cell: (row: T) => ReactNode): Column<T> {
  return { id: 'actions', header: '', className: 'space-x-1 whitespace-nowrap text-right', cell };
}

export interface Selection<T> {
  selected: ReadonlySet<string>;
  /** A state setter, so toggling one row does not re-render the others. */
  setSelected: Dispatch<SetStateAction<Set<string>>>;
  /** What a row is selected by (e.g. the VM's name, which bulk actions take). */
  key: (row: T) => string;
  /** The checkbox's accessible name, e.g. "Select web-01". */
  label: (row: T) => string;
}

export interface Windowing {
  /** Every row has this height, so the spacers can stand in for the rows not rendered. */
  rowHeight: number;
  /** Shorter lists are rendered whole (find-in-page keeps working). */
  from: number;
}

interface Props<T> {
  /** undefined while loading. */
  rows: readonly T[] | undefined;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Shown when there are no rows. */
  empty: ReactNode;
  testId?: string;
  rowTestId?: (row: T) => string;
  sort?: { state: SortState; onChange: (s: SortState) => void };
  selection?: Selection<T>;
  windowing?: Windowing;
  /** Why the rows could not be read: said above the table, and no "Loading…" row. */
  error?: { message: string } | null;
  /** card: a bordered white box of its own; plain: inside a section that already is one. */
  frame?: 'card' | 'plain';
  rowClassName?: string;
}

const FRAME = {
  card: {
    wrap: 'overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent',
    head: 'bg-slate-100 text-xs uppercase text-slate-600 max-sm:bg-transparent',
    cell: 'px-3 py-1.5',
  },
  plain: { wrap: 'overflow-x-auto max-sm:overflow-visible', head: 'text-xs uppercase text-slate-500', cell: 'py-1 pr-3' },
} as const;

/** The card layout, phones only (max-sm): the table's parts become blocks, each row a bordered card. */
const CARD = {
  table: 'max-sm:block',
  head: 'max-sm:block max-sm:pb-1',
  headRow: 'max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-3',
  /** Headers that cannot sort say nothing a card does not say itself. */
  plainHeader: 'max-sm:hidden',
  sortHeader: 'max-sm:p-0',
  body: 'max-sm:block max-sm:space-y-2',
  row: 'max-sm:block max-sm:h-auto! max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:p-2',
  /** Block cells with the column's name in the left gutter: the content flows (and wraps) as on a page. */
  cell: [
    'max-sm:relative max-sm:block max-sm:min-h-6 max-sm:max-w-none max-sm:whitespace-normal max-sm:py-0.5 max-sm:pl-28 max-sm:pr-0',
    'max-sm:before:absolute max-sm:before:left-0 max-sm:before:top-1 max-sm:before:w-24 max-sm:before:text-xs max-sm:before:uppercase',
    'max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]',
  ].join(' '),
  note: 'max-sm:block max-sm:px-0',
} as const;

/** The name a column goes by on a card. */
function labelOf<T>(c: Column<T>): string | undefined {
  return c.label ?? (typeof c.header === 'string' ? c.header : undefined);
}

interface RowProps<T> {
  row: T;
  columns: readonly Column<T>[];
  cellClass: string;
  testId?: string;
  className: string;
  height?: number;
  check?: { key: string; label: string; checked: boolean; toggle: (key: string) => void };
}

function RowView<T>({ row, columns, cellClass, testId, className, height, check }: RowProps<T>) {
  return (
    <tr className={`${className} ${CARD.row}`} style={height ? { height } : undefined} data-testid={testId}>
      {check ? (
        <td className={`${cellClass} ${CARD.cell}`} data-label="Select">
          <input type="checkbox" aria-label={check.label} checked={check.checked} onChange={() => check.toggle(check.key)} />
        </td>
      ) : null}
      {columns.map((c) => (
        <td key={c.id} className={`${cellClass} ${c.className ?? ''} ${CARD.cell}`} data-label={labelOf(c)}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}

// Rows re-render only when their own data, columns or checkbox change: a live update of one VM touches one row.
const Row = memo(
  RowView,
  (a, b) =>
    a.row === b.row &&
    a.columns === b.columns &&
    a.testId === b.testId &&
    a.height === b.height &&
    a.className === b.className &&
    a.cellClass === b.cellClass &&
    a.check?.checked === b.check?.checked &&
    a.check?.toggle === b.check?.toggle &&
    a.check?.label === b.check?.label,
) as typeof RowView;

export function DataTable<T>({
  rows,
  columns,
  rowKey,
  empty,
  testId,
  rowTestId,
  sort,
  selection,
  windowing,
  error = null,
  frame = 'card',
  rowClassName = '',
}: Props<T>) {
  const f = FRAME[frame];
  const sorted = useMemo(() => (rows ? sortRows(rows, columns, sort?.state) : undefined), [rows, columns, sort?.state]);
  const list = sorted ?? [];
  const body = useRef<HTMLTableSectionElement>(null);
  const cards = useMediaQuery('(width < 40rem)');
  const windowed = windowing !== undefined && !cards && list.length > windowing.from;
  const range = useWindowRange(body, windowed ? list.length : 0, windowing?.rowHeight ?? 1);
  const shown = windowed ? list.slice(range.start, range.end) : list;
  const span = columns.length + (selection ? 1 : 0);

  const setSelected = selection?.setSelected;
  const toggle = useCallback(
    (key: string) =>
      setSelected?.((s) => {
        const n = new Set(s);
        if (n.has(key)) n.delete(key);
        else n.add(key);
        return n;
      }),
    [setSelected],
  );
  const allKeys = selection ? list.map(selection.key) : [];
  const allChosen = allKeys.length > 0 && allKeys.every((k) => selection!.selected.has(k));

  return (
    <>
      {error ? <Alert>{error.message}</Alert> : null}
      <div className={f.wrap}>
        <table className={`w-full text-left text-sm ${CARD.table}`} data-testid={testId}>
          <thead className={`${f.head} ${CARD.head}`}>
            <tr className={CARD.headRow}>
              {selection ? (
                <th className={`w-8 ${f.cell} py-2 ${CARD.sortHeader}`}>
                  <label className="inline-flex items-center gap-1">
                    <input
                      type="checkbox"
                      aria-label="Select all shown"
                      checked={allChosen}
                      onChange={() => selection.setSelected(allChosen ? new Set() : new Set(allKeys))}
                    />
                    <span className="sm:hidden">All</span>
                  </label>
                </th>
              ) : null}
              {sort ? (
                <th aria-hidden className="hidden py-2 font-normal normal-case max-sm:block">
                  Sort by:
                </th>
              ) : null}
              {columns.map((c) => {
                const active = sort?.state.column === c.id;
                if (!sort || !c.sortValue)
                  return (
                    <th key={c.id} className={`${f.cell} py-2 ${CARD.plainHeader}`}>
                      {c.header}
                    </th>
                  );
                return (
                  <th
                    key={c.id}
                    className={`${f.cell} py-2 ${CARD.sortHeader}`}
                    aria-sort={active ? (sort.state.dir === 1 ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className="uppercase hover:text-slate-900" onClick={() => sort.onChange(nextSort(sort.state, c.id))}>
                      {c.header}
                      {active ? (sort.state.dir === 1 ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={body} className={CARD.body}>
            {windowed && range.start > 0 ? (
              <tr aria-hidden style={{ height: range.start * windowing.rowHeight }}>
                <td colSpan={span} />
              </tr>
            ) : null}
            {shown.map((row) => {
              const key = rowKey(row);
              const sel = selection ? selection.key(row) : '';
              return (
                <Row
                  key={key}
                  row={row}
                  columns={columns}
                  cellClass={f.cell}
                  testId={rowTestId?.(row)}
                  height={windowing && !cards ? windowing.rowHeight : undefined}
                  className={`border-t border-slate-100 ${rowClassName}`}
                  check={selection ? { key: sel, label: selection.label(row), checked: selection.selected.has(sel), toggle } : undefined}
                />
              );
            })}
            {windowed && range.end < list.length ? (
              <tr aria-hidden style={{ height: (list.length - range.end) * windowing.rowHeight }}>
                <td colSpan={span} />
              </tr>
            ) : null}
            {sorted === undefined && !error ? (
              <tr className={CARD.table}>
                <td colSpan={span} className={`${f.cell} text-slate-500 ${CARD.note}`}>
                  Loading…
                </td>
              </tr>
            ) : null}
            {sorted?.length === 0 ? (
              <tr className={CARD.table}>
                <td colSpan={span} className={`${f.cell} text-slate-500 ${CARD.note}`}>
                  {empty}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
