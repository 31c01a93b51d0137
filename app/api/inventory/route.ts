import { allHosts } from '@/lib/hosts';
import { defineRoute } from '@/lib/http/route';
import { fleetList } from '@/lib/vms/fleet-list';

export const GET = defineRoute({
  summary: "Every host's virtual machines from the live inventory, host by host with the host's connection status (vms null when unreachable)",
  access: 'vm.read',
  run: async () => fleetList(await allHosts()),
});
