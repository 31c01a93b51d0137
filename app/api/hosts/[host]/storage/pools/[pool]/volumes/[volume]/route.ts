import { z } from 'zod';
import { volumeInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { volumeParams } from '@/lib/storage/names';
import { confirmUsersSchema } from '@/lib/storage/validate';
import { deleteVolume, readVolume } from '@/lib/storage/volumes';

export const GET = defineRoute({
  summary: 'One volume',
  access: 'host.read',
  params: volumeParams,
  subject: (i) => `volume "${i.params.volume}"`,
  run: async ({ host, params }) => ({ volume: await readVolume(host, params.pool, params.volume) }),
});

export const DELETE = defineRoute({
  summary: 'Delete a volume (one in use only with its users named: otherwise 409 with the users)',
  access: 'storage.edit',
  params: volumeParams,
  body: z.object({ confirmUsers: confirmUsersSchema }),
  audit: {
    action: 'volume.delete',
    ...volumeInPath,
    detail: (i) => (i.body?.confirmUsers?.length ? { confirmUsers: i.body.confirmUsers } : null),
  },
  run: async ({ host, params, body }) => {
    await deleteVolume(host, params.pool, params.volume, body.confirmUsers);
    return { ok: true };
  },
});
