import { listAudit } from '@/lib/audit/log';
import { authorize } from '@/lib/http/guard';

export async function GET(req: Request) {
  const actor = await authorize(req, 'audit.read');
  if (actor instanceof Response) return actor;
  const p = new URL(req.url).searchParams;
  const outcome = p.get('outcome');
  const entries = await listAudit({
    q: p.get('q')?.slice(0, 200) ?? undefined,
    outcome: outcome === 'ok' || outcome === 'error' || outcome === 'denied' ? outcome : undefined,
    beforeId: Number(p.get('before')) || undefined,
    limit: Number(p.get('limit')) || undefined,
  });
  return Response.json({ entries });
}
