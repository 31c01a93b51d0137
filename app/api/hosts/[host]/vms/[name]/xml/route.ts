import { z } from 'zod';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { MAX_XML_CHARS, redefine } from '@/lib/vms/definition';
import { vmParams } from '@/lib/vms/names';

export const PUT = defineRoute({
  summary: "Replace a virtual machine's persistent definition (libvirt validates it)",
  access: 'vm.edit',
  params: vmParams,
  body: z.object({ xml: z.string().min(1, 'The XML is empty.').max(MAX_XML_CHARS, 'The XML is too long.') }),
  audit: { action: 'vm.define', ...vmInPath },
  run: ({ host, params, body }) => redefine(host, params.name, body.xml),
});
