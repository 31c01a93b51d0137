import { cdromMediaSchema } from '@/lib/hardware/schemas';
import { changeMedia } from '@/lib/hardware/cdrom';
import { hardwareChange, type NameCtx } from '../../../respond';

export async function PUT(req: Request, ctx: NameCtx<{ target: string }>) {
  const { name, target } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.cdrom.media', cdromMediaSchema, (body) => changeMedia(name, target, body));
}
