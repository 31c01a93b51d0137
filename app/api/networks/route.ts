import { z } from 'zod';
import { libvirt } from '@/lib/connection/libvirt';
import { recordAudit } from '@/lib/audit/log';
import { answered, audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { problem } from '@/lib/http/problem';
import { listHostBridges, listHostNics } from '@/lib/host/bridges';
import { authorizeNetworkChange, authorizeNetworkRead } from '@/lib/networks/access';
import { createNetwork, prepareNetwork } from '@/lib/networks/change';
import { hostContext } from '@/lib/networks/host-context';
import { listNetworks } from '@/lib/networks/read';
import { networkInputSchema } from '@/lib/networks/validate';

export async function GET(req: Request) {
  const actor = await authorizeNetworkRead(req);
  if (actor instanceof Response) return actor;
  return answered(async () => {
    const local = hostContext().local;
    const [networks, bridges, nics] = await Promise.all([
      listNetworks(await libvirt()), local ? listHostBridges() : [], local ? listHostNics() : [],
    ]);
    return { networks, bridges, nics, hostLocal: local };
  }, 'the network');
}

const createSchema = networkInputSchema.extend({ dryRun: z.boolean().default(false) });

/** Creates a network from the form; with dryRun, only checks it and answers the XML that would be defined. */
export async function POST(req: Request) {
  const actor = await authorizeNetworkChange(req, 'network.create', '-');
  if (actor instanceof Response) return actor;
  const body = await readBody(req, createSchema);
  if (body instanceof Response) return body;
  const client = await libvirt().catch((err: unknown) => err as Error);
  if (client instanceof Error) return answered(() => Promise.reject(client), 'the network');
  const prepared = await prepareNetwork(client, body, hostContext());
  if ('fields' in prepared) {
    if (!body.dryRun) {
      await recordAudit({ actor, action: 'network.create', objectType: 'network', objectName: body.name, outcome: 'error', error: Object.values(prepared.fields).join(' '), ip: actor.ip });
    }
    return problem(422, Object.values(prepared.fields)[0]!, { fields: prepared.fields });
  }
  if (body.dryRun) return Response.json({ xml: prepared.xml });
  return audited(actor, { action: 'network.create', objectType: 'network', objectName: body.name, detail: { mode: body.mode, start: body.start, autostart: body.autostart } },
    () => createNetwork(client, body, hostContext()), 201);
}
