import { defineRoute } from '@/lib/http/route';
import { placementRequestSchema } from '@/lib/placement/request';
import { placeAcrossHosts } from '@/lib/placement/service';

/** Every host judged for a new VM (side by side, a slow or down host judged down), best first, with the pick and why. */
export const POST = defineRoute({
  summary: 'Which hosts can take a new VM (free CPU and memory after reservations, pools, networks, anti-affinity), best first; changes nothing',
  access: 'vm.create',
  body: placementRequestSchema,
  subject: () => 'the placement of a new virtual machine',
  run: ({ body }) => placeAcrossHosts(body),
});
