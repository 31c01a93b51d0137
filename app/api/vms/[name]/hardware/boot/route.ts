import { bootChangeSchema } from '@/lib/hardware/schemas';
import { changeBoot } from '@/lib/hardware/boot';
import { hardwareChange, type NameCtx } from '../respond';

export async function PUT(req: Request, ctx: NameCtx) {
  const { name } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.boot', bootChangeSchema, (body) => changeBoot(name, body));
}
