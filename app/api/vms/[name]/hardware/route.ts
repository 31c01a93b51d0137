import { readHardware } from '@/lib/hardware/view';
import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';

export async function GET(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  const { name } = await ctx.params;
  return answered(() => readHardware(name), `virtual machine "${name}"`);
}
