import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { snapshotDeleteQuery, snapshotParams } from '@/lib/snapshots/schemas';
import { deleteSnapshot } from '@/lib/snapshots/snapshots';

/** Deletes one snapshot, or it and its children (?children=true); files Vireo made for it are removed. */
export const DELETE = defineRoute({
  summary: 'Delete a snapshot (with ?children=true, its descendants too) and the overlay files Vireo made for it',
  access: 'vm.snapshot',
  params: snapshotParams,
  query: snapshotDeleteQuery,
  audit: { action: 'vm.snapshot.delete', ...vmInPath, detail: (i) => ({ snapshot: i.params.snapshot, ...i.query }) },
  run: ({ host, params, query }) => deleteSnapshot(host, params.name, params.snapshot, { children: query.children }),
});
