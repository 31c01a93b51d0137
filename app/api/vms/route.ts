import { inventory } from '@/lib/vms/inventory';
import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';
import { startCreateVm } from '@/lib/provisioning/create';
import { answerCreate, readSpec } from '@/lib/provisioning/http';

export async function GET(req: Request) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  return answered(async () => ({ vms: (await inventory().list()).sort((a, b) => a.name.localeCompare(b.name)) }));
}

/** Starts a create job (202 with its id); input problems answer 422 with a message per field. */
export async function POST(req: Request) {
  const actor = await authorize(req, 'vm.create', { type: 'vm', name: '(new)' });
  if (actor instanceof Response) return actor;
  const spec = await readSpec(req);
  if (spec instanceof Response) return spec;
  const name = typeof spec.name === 'string' ? spec.name.slice(0, 100) : '';
  return answerCreate(actor, name, async () => ({ ...(await startCreateVm(spec, actor)) }));
}
