import { memoryChangeSchema } from '@/lib/hardware/schemas';
import { changeMemory } from '@/lib/hardware/memory';
import { hardwareChange, type NameCtx } from '../respond';

export async function PUT(req: Request, ctx: NameCtx) {
  const { name } = await ctx.params;
  return hardwareChange(req, name, 'vm.hardware.memory', memoryChangeSchema, (body) => changeMemory(name, body));
}
