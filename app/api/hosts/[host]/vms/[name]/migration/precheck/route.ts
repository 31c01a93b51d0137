import { defineRoute } from '@/lib/http/route';
import { precheckMigration } from '@/lib/migration';
import { destinationOf, migrationBody, optionsOf } from '@/lib/migration/schema';
import { vmParams } from '@/lib/vms/names';

export const POST = defineRoute({
  summary: 'Check whether a virtual machine can move to another host, in plain words; changes nothing',
  access: 'vm.migrate',
  params: vmParams,
  body: migrationBody,
  subject: (i) => `virtual machine "${i.params.name}"`,
  run: async ({ host, params, body }) => (await precheckMigration(host, await destinationOf(body), params.name, optionsOf(body))).precheck,
});
