import { describe, expect, it } from 'vitest';
import { compareValues, nextSort, sortRows, type Sortable } from './table-sort';

interface Vm {
  name: string;
  state: string;
  vcpus: number;
  autostart: boolean;
  ip: string | null;
}

const columns: Sortable<Vm>[] = [
  { id: 'name', sortValue: (v) => v.name },
  { id: 'state', sortValue: (v) => v.state },
  { id: 'vcpus', sortValue: (v) => v.vcpus },
  { id: 'autostart', sortValue: (v) => v.autostart },
  { id: 'ip', sortValue: (v) => v.ip },
  { id: 'actions' },
];

const vms: Vm[] = [
  { name: 'vm10', state: 'running', vcpus: 2, autostart: true, ip: '10.0.0.2' },
  { name: 'vm2', state: 'shut off', vcpus: 8, autostart: false, ip: null },
  { name: 'vm1', state: 'running', vcpus: 2, autostart: false, ip: '10.0.0.1' },
];

const names = (rows: readonly Vm[]) => rows.map((v) => v.name);

describe('table sorting', () => {
  it('orders text naturally, numbers and booleans by value', () => {
    expect(names(sortRows(vms, columns, { column: 'name', dir: 1 }))).toEqual(['vm1', 'vm2', 'vm10']);
    expect(names(sortRows(vms, columns, { column: 'vcpus', dir: -1 }))).toEqual(['vm2', 'vm1', 'vm10']);
    expect(names(sortRows(vms, columns, { column: 'autostart', dir: 1 }))).toEqual(['vm1', 'vm2', 'vm10']);
  });

  it('breaks ties by the first sortable column, ascending, whichever way the sort goes', () => {
    expect(names(sortRows(vms, columns, { column: 'state', dir: 1 }))).toEqual(['vm1', 'vm10', 'vm2']);
    expect(names(sortRows(vms, columns, { column: 'state', dir: -1 }))).toEqual(['vm2', 'vm1', 'vm10']);
  });

  it('puts empty values after the others', () => {
    expect(names(sortRows(vms, columns, { column: 'ip', dir: 1 }))).toEqual(['vm1', 'vm10', 'vm2']);
    expect(compareValues(null, 'a')).toBeGreaterThan(0);
    expect(compareValues('', '')).toBe(0);
  });

  it('leaves rows as given without a sort or for a column that does not sort, and never reorders its input', () => {
    expect(sortRows(vms, columns, null)).toBe(vms);
    expect(sortRows(vms, columns, { column: 'actions', dir: 1 })).toBe(vms);
    sortRows(vms, columns, { column: 'name', dir: 1 });
    expect(names(vms)).toEqual(['vm10', 'vm2', 'vm1']);
  });

  it('flips a column on a second click and starts another ascending', () => {
    expect(nextSort({ column: 'name', dir: 1 }, 'name')).toEqual({ column: 'name', dir: -1 });
    expect(nextSort({ column: 'name', dir: -1 }, 'name')).toEqual({ column: 'name', dir: 1 });
    expect(nextSort({ column: 'name', dir: -1 }, 'state')).toEqual({ column: 'state', dir: 1 });
    expect(nextSort(null, 'vcpus')).toEqual({ column: 'vcpus', dir: 1 });
  });
});
