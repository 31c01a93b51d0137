import { nicUpdateSchema, scopeFromQuery } from '@/lib/hardware/schemas';
import { removeNic, updateNic } from '@/lib/hardware/nics';
import { hardwareChange, hardwareRemoval, type NameCtx } from '../../respond';

type Ctx = NameCtx<{ mac: string }>;

export async function PATCH(req: Request, ctx: Ctx) {
  const { name, mac } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.nic.update', nicUpdateSchema, (body) => updateNic(name, decodeURIComponent(mac), body));
}

export async function DELETE(req: Request, ctx: Ctx) {
  const { name, mac } = await ctx.params;
  const scope = scopeFromQuery(new URL(req.url));
  return hardwareRemoval(req, name, 'vm.hardware.nic.remove', { mac: decodeURIComponent(mac), ...scope }, () => removeNic(name, decodeURIComponent(mac), scope));
}
