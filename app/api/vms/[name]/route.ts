import { z } from 'zod';
import { can } from '@/lib/auth/roles';
import { readDefinition } from '@/lib/vms/definition';
import { deleteVm } from '@/lib/vms/delete';
import { answered, audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorize } from '@/lib/http/guard';

type Ctx = { params: Promise<{ name: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  const { name } = await ctx.params;
  return answered(() => readDefinition(name, can(actor.role, 'vm.edit')), `virtual machine "${name}"`);
}

const deleteSchema = z.object({
  volumes: z.array(z.string().max(4096)).max(64).default([]),
  nvram: z.boolean().default(false),
  snapshots: z.boolean().default(false),
});

export async function DELETE(req: Request, ctx: Ctx) {
  const { name } = await ctx.params;
  const actor = await authorize(req, 'vm.delete', { type: 'vm', name });
  if (actor instanceof Response) return actor;
  const choice = await readBody(req, deleteSchema);
  if (choice instanceof Response) return choice;
  return audited(actor, { action: 'vm.delete', objectType: 'vm', objectName: name, detail: choice }, () => deleteVm(name, choice));
}
