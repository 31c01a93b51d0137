import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { snapshotCreateSchema } from '@/lib/snapshots/schemas';
import { createSnapshot, listSnapshots } from '@/lib/snapshots/snapshots';
import { vmParams } from '@/lib/vms/names';
import { vmRead } from '../vm-read';

export const GET = vmRead("A VM's snapshots as a tree (current one marked), with the kinds it can take and why", 'vm.read', listSnapshots);

export const POST = defineRoute({
  summary: 'Take a snapshot (internal or external; with the memory of a running VM or disk-only, optionally quiesced)',
  access: 'vm.snapshot',
  params: vmParams,
  body: snapshotCreateSchema,
  status: 201,
  audit: { action: 'vm.snapshot.create', ...vmInPath, detail: (i) => ({ ...i.body }) },
  run: ({ host, params, body }) => createSnapshot(host, params.name, body),
});
