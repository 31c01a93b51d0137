import { testHostConnection } from '@/lib/hosts/admin';
import { hostParams } from '@/lib/hosts/params';
import { defineRoute } from '@/lib/http/route';

export const POST = defineRoute({
  summary: 'Connect to a host afresh and report its hostname and libvirt version, or the problem in plain words',
  access: 'hosts.manage',
  params: hostParams,
  run: ({ params }) => testHostConnection(params.host),
});
