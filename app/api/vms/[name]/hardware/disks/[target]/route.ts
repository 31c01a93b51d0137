import { diskUpdateSchema, scopeFromQuery } from '@/lib/hardware/schemas';
import { removeDisk, updateDisk } from '@/lib/hardware/disks';
import { hardwareChange, hardwareRemoval, type NameCtx } from '../../respond';

type Ctx = NameCtx<{ target: string }>;

export async function PATCH(req: Request, ctx: Ctx) {
  const { name, target } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.disk.update', diskUpdateSchema, (body) => updateDisk(name, target, body));
}

/** Removes a disk or CD-ROM drive from the VM (the volume or file itself is kept). */
export async function DELETE(req: Request, ctx: Ctx) {
  const { name, target } = await ctx.params;
  const scope = scopeFromQuery(new URL(req.url));
  return hardwareRemoval(req, name, 'vm.hardware.disk.remove', { target, ...scope }, () => removeDisk(name, target, scope));
}
