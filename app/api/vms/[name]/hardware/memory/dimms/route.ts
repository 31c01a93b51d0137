import { dimmAddSchema } from '@/lib/hardware/schemas';
import { addDimm } from '@/lib/hardware/memory';
import { hardwareChange, type NameCtx } from '../../respond';

export async function POST(req: Request, ctx: NameCtx) {
  const { name } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.dimm.add', dimmAddSchema, (body) => addDimm(name, body));
}
