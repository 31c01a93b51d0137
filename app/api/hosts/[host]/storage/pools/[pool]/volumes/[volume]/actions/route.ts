import { volumeInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { volumeParams } from '@/lib/storage/names';
import { volumeActionSchema } from '@/lib/storage/validate';
import { runVolumeAction } from '@/lib/storage/volumes';

export const POST = defineRoute({
  summary: 'Grow or wipe a volume (wiping one in use only with its users named: otherwise 409 with the users)',
  access: 'storage.edit',
  params: volumeParams,
  body: volumeActionSchema,
  audit: {
    action: (i) => `volume.${i.body?.action ?? 'action'}`,
    ...volumeInPath,
    detail: (i) => {
      const b = i.body;
      if (b?.action === 'resize') return { capacity: b.capacity };
      return b?.action === 'wipe' && b.confirmUsers?.length ? { confirmUsers: b.confirmUsers } : null;
    },
  },
  run: async ({ host, params, body }) => ({ volume: await runVolumeAction(host, params.pool, params.volume, body) }),
});
