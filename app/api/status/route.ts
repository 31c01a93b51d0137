import { libvirtStatus } from '@/lib/connection/libvirt';
import { authorize } from '@/lib/http/guard';

export async function GET(req: Request) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  return Response.json({ libvirt: libvirtStatus() }, { headers: { 'cache-control': 'no-store' } });
}
