import { jobActor } from '@/lib/http/actor';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { migrationDestinations, startMigration } from '@/lib/migration';
import { destinationOf, migrationBody, optionsOf } from '@/lib/migration/schema';
import { vmParams } from '@/lib/vms/names';

export const GET = defineRoute({
  summary: 'The hosts this virtual machine could move to',
  access: 'vm.migrate',
  params: vmParams,
  run: async ({ host }) => ({ destinations: await migrationDestinations(host) }),
});

export const POST = defineRoute({
  summary: 'Move a virtual machine to another host (live or offline) as a job; refused with every failed check (409)',
  access: 'vm.migrate',
  params: vmParams,
  body: migrationBody,
  audit: {
    action: (i) => (i.body?.mode === 'offline' ? 'vm.move.start' : 'vm.migrate.start'),
    ...vmInPath,
    detail: (i) => ({ destination: i.body?.destination, mode: i.body?.mode, storage: i.body?.storage }),
  },
  run: async ({ host, params, body, actor }) => {
    const { jobId } = await startMigration({
      source: host,
      dest: await destinationOf(body),
      name: params.name,
      options: optionsOf(body),
      actor: jobActor(actor),
    });
    return { jobId };
  },
});
