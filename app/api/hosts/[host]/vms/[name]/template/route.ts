import { z } from 'zod';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { setTemplate } from '@/lib/clones/templates';
import { vmParams } from '@/lib/vms/names';

export const PUT = defineRoute({
  summary: 'Mark a stopped VM as a template (never started, disks read-only) or unmark it',
  tags: ['vms', 'clones'],
  access: 'vm.edit',
  params: vmParams,
  body: z.object({ template: z.boolean({ error: 'template is true or false.' }) }),
  audit: { action: (i) => (i.body?.template ? 'vm.template.mark' : 'vm.template.unmark'), ...vmInPath },
  run: ({ host, params, body }) => setTemplate(host, params.name, body.template),
});
