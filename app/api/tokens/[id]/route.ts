import { z } from 'zod';
import { revokeApiToken, type ApiTokenView } from '@/lib/auth/api-tokens';
import { defineRoute } from '@/lib/http/route';

type Revoked = { token: ApiTokenView };

export const DELETE = defineRoute({
  summary: "Revoke an API token (yours, or anyone's for admins); it is refused from then on",
  access: 'signed-in',
  params: z.object({ id: z.uuid() }),
  audit: {
    action: 'token.revoke',
    objectType: 'token',
    objectName: (i, r?: Revoked) => r?.token.name ?? i.params.id,
    detail: (_i, r?: Revoked) => (r ? { owner: r.token.username } : null),
  },
  run: async ({ actor, params }) => ({ token: await revokeApiToken(actor, params.id) }),
});
