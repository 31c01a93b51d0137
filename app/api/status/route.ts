import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: "The host's libvirt connection state",
  tags: ['host'],
  access: 'vm.read',
  run: ({ host }) => ({ libvirt: host.status() }),
});
