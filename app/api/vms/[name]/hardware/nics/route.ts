import { nicAddSchema } from '@/lib/hardware/schemas';
import { addNic } from '@/lib/hardware/nics';
import { hardwareChange, type NameCtx } from '../respond';

export async function POST(req: Request, ctx: NameCtx) {
  const { name } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.nic.add', nicAddSchema, (body) => addNic(name, body));
}
