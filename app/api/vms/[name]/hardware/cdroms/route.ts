import { cdromAddSchema } from '@/lib/hardware/schemas';
import { addCdrom } from '@/lib/hardware/cdrom';
import { hardwareChange, type NameCtx } from '../respond';

export async function POST(req: Request, ctx: NameCtx) {
  const { name } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.cdrom.add', cdromAddSchema, (body) => addCdrom(name, body));
}
