import { z } from 'zod';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { setVmTags, vmTags } from '@/lib/tags/service';
import { vmParams } from '@/lib/vms/names';
import { vmRead } from '../vm-read';

export const GET = vmRead("A VM's tags (kept in its libvirt metadata)", 'vm.read', vmTags);

/** Each entry is checked by lib/tags (a message per bad tag); the list here only has to be a list of strings. */
export const PUT = defineRoute({
  summary: "Replace a VM's tags (live and persistent definitions as its state allows)",
  access: 'vm.edit',
  params: vmParams,
  body: z.object({ tags: z.array(z.string({ error: 'Each tag is a string.' }), { error: 'tags is a list of tags.' }).max(100, 'A VM has at most 16 tags.') }),
  audit: { action: 'vm.tags', ...vmInPath, detail: (i) => ({ tags: i.body?.tags?.slice(0, 20) ?? null }) },
  run: ({ host, params, body }) => setVmTags(host, params.name, body.tags),
});
