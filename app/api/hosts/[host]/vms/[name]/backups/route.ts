import { jobActor } from '@/lib/http/actor';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { vmBackups } from '@/lib/backups/list';
import { startBackup } from '@/lib/backups/run';
import { backupBody } from '@/lib/backups/schemas';
import { vmParams } from '@/lib/vms/names';
import { vmRead } from '../vm-read';

export const GET = vmRead("A VM's backup points (newest first) and whether the next backup can be incremental", 'vm.read', vmBackups);

export const POST = defineRoute({
  summary: 'Back up the VM now (a job): incremental when the chain allows, else full; a stopped VM is copied',
  access: 'backup.run',
  params: vmParams,
  body: backupBody,
  audit: { action: 'vm.backup.start', ...vmInPath, detail: (i) => ({ ...i.body }) },
  run: ({ host, params, body, actor }) => startBackup(host, jobActor(actor), { vm: params.name, ...body }),
});
