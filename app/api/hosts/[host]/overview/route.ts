import { hostOverview } from '@/lib/host/overview';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'The host: versions, CPU, memory, KVM, pools and networks',
  access: 'host.read',
  subject: () => 'the host',
  run: ({ host }) => hostOverview(host),
});
