'use client';

import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import { DataTable, type Column } from './data-table';
import { ListHeading } from './list-heading';

// The list page of one kind of libvirt object on the page's host (its networks, its storage pools): the heading
// with a create link for those allowed, then the table, whose first column names each object with a link to its
// page. Rows are keyed by UUID; the table's test id is `{noun}-table`, a row's `{noun}-row-{name}`.

interface Named {
  uuid: string;
  name: string;
}

/** A kind of object as its list page words it. */
export interface ObjectKind {
  title: string;
  /** Where the objects' pages are under the host: `/{section}/{name}`, and `/{section}/new` to create one. */
  section: string;
  noun: string;
  /** The create link's words. */
  create: string;
  /** Said when the host has none. */
  empty: string;
}

export function ObjectList<T extends Named>({
  kind,
  canCreate,
  rows,
  columns,
  error,
  children,
}: {
  kind: ObjectKind;
  canCreate: boolean;
  rows: readonly T[] | undefined;
  /** The columns after the name; a function when they link to other pages of the host the page is on. */
  columns: readonly Column<T>[] | ((host: string) => readonly Column<T>[]);
  error?: { message: string } | null;
  /** What the page shows under the table. */
  children?: ReactNode;
}) {
  const host = useHostId();
  const { title, section, noun } = kind;
  const all = useMemo(() => [nameColumn<T>(host, section), ...(typeof columns === 'function' ? columns(host) : columns)], [host, section, columns]);
  return (
    <div className="space-y-4">
      <ListHeading title={title} create={canCreate ? { href: hostPage(host, `/${section}/new`), label: kind.create } : null} />
      <DataTable
        rows={rows}
        columns={all}
        rowKey={(x) => x.uuid}
        rowTestId={(x) => `${noun}-row-${x.name}`}
        testId={`${noun}-table`}
        error={error}
        empty={kind.empty}
      />
      {children}
    </div>
  );
}

function nameColumn<T extends Named>(host: string, section: string): Column<T> {
  return {
    id: 'name',
    header: 'Name',
    className: 'font-medium',
    cell: (x) => (
      <Link href={hostPage(host, `/${section}/${encodeURIComponent(x.name)}`)} className="text-sky-800 hover:underline">
        {x.name}
      </Link>
    ),
  };
}
