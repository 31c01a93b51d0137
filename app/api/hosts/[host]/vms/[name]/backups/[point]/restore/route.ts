import { jobActor } from '@/lib/http/actor';
import { defineRoute } from '@/lib/http/route';
import { startRestore } from '@/lib/backups/restore';
import { pointParams, restoreBody } from '@/lib/backups/schemas';

export const POST = defineRoute({
  summary: "Restore a point (a job): into a new VM, or over the stopped VM's own disks",
  access: 'backup.restore',
  params: pointParams,
  body: restoreBody,
  audit: { action: 'vm.restore.start', objectType: 'vm', objectName: (i) => i.params.name, detail: (i) => ({ point: i.params.point, ...i.body }) },
  run: ({ host, params, body, actor }) => startRestore(host, jobActor(actor), { pointId: params.point, ...body }),
});
