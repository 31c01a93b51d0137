import { diskAddSchema } from '@/lib/hardware/schemas';
import { addDisk } from '@/lib/hardware/disks';
import { hardwareChange, type NameCtx } from '../respond';

export async function POST(req: Request, ctx: NameCtx) {
  const { name } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.disk.add', diskAddSchema, (body) => addDisk(name, body));
}
