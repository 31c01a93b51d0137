import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: "The host's libvirt connection state",
  access: 'vm.read',
  run: ({ host }) => ({ libvirt: host.status() }),
});
