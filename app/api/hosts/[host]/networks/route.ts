import { z } from 'zod';
import { InputError } from '@/lib/errors';
import { defineRoute } from '@/lib/http/route';
import { createNetwork, prepareNetwork } from '@/lib/networks/change';
import { networkOverview } from '@/lib/networks/read';
import { networkInputSchema } from '@/lib/networks/validate';

export const GET = defineRoute({
  summary: "The host's libvirt networks, and its bridges and network cards when libvirtd runs here",
  access: 'host.read',
  subject: () => 'the network',
  run: ({ host }) => networkOverview(host),
});

/** Creates a network from the form; with dryRun, only checks it and answers the XML that would be defined. */
export const POST = defineRoute({
  summary: 'Create a network (or, with dryRun, check it and show its XML)',
  access: 'network.edit',
  body: networkInputSchema.extend({ dryRun: z.boolean().default(false) }),
  status: 201,
  audit: {
    action: 'network.create',
    objectType: 'network',
    objectName: (i) => i.body?.name ?? '-',
    detail: (i) => ({ mode: i.body?.mode, start: i.body?.start, autostart: i.body?.autostart }),
    skip: (i) => i.body.dryRun,
  },
  run: async ({ host, body }) => {
    if (!body.dryRun) return createNetwork(host, body);
    // A dry run creates nothing (200, the XML it would define); its refusals are field errors like a create's.
    const prepared = await prepareNetwork(host, body);
    if ('fields' in prepared) throw InputError.of(prepared.fields);
    return Response.json({ xml: prepared.xml }, { headers: { 'cache-control': 'no-store' } });
  },
});
