import { startRestore } from '@/lib/backups/restore';
import { restoreBody } from '@/lib/backups/schemas';
import { pointJobRoute } from '../point-job';

export const POST = pointJobRoute({
  summary: "Restore a point (a job): into a new VM, or over the stopped VM's own disks",
  access: 'backup.restore',
  body: restoreBody,
  action: 'vm.restore.start',
  start: startRestore,
});
