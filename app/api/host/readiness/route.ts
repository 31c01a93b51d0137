import { hostReadiness } from '@/lib/host/readiness-report';
import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';

// GET /api/host/readiness[?refresh=1]: the KVM checks, facts and the domain type new guests get.
export async function GET(req: Request) {
  const actor = await authorize(req, 'host.read');
  if (actor instanceof Response) return actor;
  const fresh = new URL(req.url).searchParams.get('refresh') === '1';
  return answered(() => hostReadiness({ fresh }), 'the host');
}
