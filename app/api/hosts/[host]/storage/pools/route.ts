import { defineRoute } from '@/lib/http/route';
import { createPool, poolOverview } from '@/lib/storage/pools';
import { poolInputSchema } from '@/lib/storage/validate';

export const GET = defineRoute({
  summary: "The host's storage pools and the pool types it can make",
  access: 'host.read',
  subject: () => 'the storage pool',
  run: ({ host }) => poolOverview(host),
});

export const POST = defineRoute({
  summary: 'Define a storage pool, and build, start and autostart it as asked',
  access: 'storage.edit',
  body: poolInputSchema,
  status: 201,
  audit: {
    action: 'pool.create',
    objectType: 'pool',
    objectName: (i) => i.body?.name ?? '-',
    detail: (i) => ({ type: i.body?.type, targetPath: i.body?.targetPath, build: i.body?.build, start: i.body?.start, autostart: i.body?.autostart }),
  },
  run: async ({ host, body }) => ({ pool: await createPool(host, body) }),
});
