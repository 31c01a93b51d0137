import { hostOverview } from '@/lib/host/overview';
import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';

export async function GET(req: Request) {
  const actor = await authorize(req, 'host.read');
  if (actor instanceof Response) return actor;
  return answered(hostOverview, 'the host');
}
