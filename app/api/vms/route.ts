import { inventory } from '@/lib/vms/inventory';
import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';

export async function GET(req: Request) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  return answered(async () => ({ vms: (await inventory().list()).sort((a, b) => a.name.localeCompare(b.name)) }));
}
