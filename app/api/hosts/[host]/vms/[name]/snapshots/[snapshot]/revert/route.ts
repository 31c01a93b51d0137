import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { snapshotParams, snapshotRevertSchema } from '@/lib/snapshots/schemas';
import { revertSnapshot } from '@/lib/snapshots/snapshots';

export const POST = defineRoute({
  summary: 'Revert the VM to a snapshot (external ones need libvirt 9.9 or later)',
  access: 'vm.snapshot',
  params: snapshotParams,
  body: snapshotRevertSchema,
  audit: { action: 'vm.snapshot.revert', ...vmInPath, detail: (i) => ({ snapshot: i.params.snapshot, ...i.body }) },
  run: ({ host, params, body }) => revertSnapshot(host, params.name, params.snapshot, body),
});
