import { addHost, listHostViews } from '@/lib/hosts/admin';
import { addHostBody } from '@/lib/hosts/input';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Every host Vireo manages, with its connection state (no secrets)',
  access: 'host.read',
  run: async () => ({ hosts: await listHostViews() }),
});

export const POST = defineRoute({
  summary: 'Add a host: a libvirt URI and its SSH key (generated or uploaded) or TLS certificates',
  access: 'hosts.manage',
  body: addHostBody,
  maxBodyBytes: 200_000,
  status: 201,
  audit: {
    action: 'host.create',
    objectType: 'host',
    objectName: (i) => i.body?.id ?? i.body?.name ?? '-',
    detail: (i) => ({ uri: i.body?.uri, ssh: i.body?.ssh?.source, tls: !!i.body?.tls }),
  },
  run: async ({ body }) => addHost(body),
});
