import { editHost, hostView, removeHost } from '@/lib/hosts/admin';
import { editHostBody } from '@/lib/hosts/input';
import { hostParams } from '@/lib/hosts/params';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'One host: its URI, public key, pinned host key and connection state (no secrets)',
  access: 'host.read',
  params: hostParams,
  run: ({ params }) => hostView(params.host),
});

export const PATCH = defineRoute({
  summary: "Change a host's name, URI or credentials, or forget its pinned host key; its connections are reopened",
  access: 'hosts.manage',
  params: hostParams,
  body: editHostBody,
  maxBodyBytes: 200_000,
  audit: {
    action: 'host.edit',
    objectType: 'host',
    objectName: (i) => i.params.host,
    detail: (i) => ({ name: i.body?.name, uri: i.body?.uri, ssh: i.body?.ssh?.source, tls: !!i.body?.tls, forgetHostKey: i.body?.forgetHostKey }),
  },
  run: ({ params, body }) => editHost(params.host, body),
});

export const DELETE = defineRoute({
  summary: 'Remove a host from Vireo (its VMs stay on it, untouched)',
  access: 'hosts.manage',
  params: hostParams,
  audit: { action: 'host.delete', objectType: 'host', objectName: (i) => i.params.host },
  run: async ({ params }) => {
    await removeHost(params.host);
    return { ok: true };
  },
});
