import { defineRoute } from '@/lib/http/route';
import { poolParams } from '@/lib/storage/names';
import { runPoolAction } from '@/lib/storage/pools';
import { poolActionSchema } from '@/lib/storage/validate';

export const POST = defineRoute({
  summary: 'Build, start, stop, refresh, autostart, delete the storage of, or undefine a pool',
  access: 'storage.edit',
  params: poolParams,
  body: poolActionSchema,
  audit: { action: (i) => `pool.${i.body?.action ?? 'action'}`, objectType: 'pool', objectName: (i) => i.params.pool },
  run: async ({ host, params, body }) => {
    await runPoolAction(host, params.pool, body.action);
    return { ok: true };
  },
});
