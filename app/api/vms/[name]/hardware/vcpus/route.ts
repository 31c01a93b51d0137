import { vcpuChangeSchema } from '@/lib/hardware/schemas';
import { changeVcpus } from '@/lib/hardware/vcpus';
import { hardwareChange, type NameCtx } from '../respond';

export async function PUT(req: Request, ctx: NameCtx) {
  const { name } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.vcpus', vcpuChangeSchema, (body) => changeVcpus(name, body));
}
