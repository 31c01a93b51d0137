import { defineRoute } from '@/lib/http/route';
import { wizardOptions } from '@/lib/provisioning/options';

export const GET = defineRoute({
  summary: 'What the create wizard offers on this host: pools, networks, bridges, images, the domain type',
  access: 'vm.create',
  subject: () => 'the host',
  run: ({ host }) => wizardOptions(host),
});
