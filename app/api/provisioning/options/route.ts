import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';
import { wizardOptions } from '@/lib/provisioning/options';

export async function GET(req: Request) {
  const actor = await authorize(req, 'vm.create');
  if (actor instanceof Response) return actor;
  return answered(() => wizardOptions(), 'the host');
}
