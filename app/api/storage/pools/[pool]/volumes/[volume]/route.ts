import { defineRoute } from '@/lib/http/route';
import { volumeParams } from '@/lib/storage/names';
import { deleteVolume, readVolume } from '@/lib/storage/volumes';

export const GET = defineRoute({
  method: 'GET',
  path: '/api/storage/pools/{pool}/volumes/{volume}',
  summary: 'One volume',
  tags: ['storage'],
  access: 'host.read',
  params: volumeParams,
  subject: (i) => `volume "${i.params.volume}"`,
  run: async ({ host, params }) => ({ volume: await readVolume(host, params.pool, params.volume) }),
});

export const DELETE = defineRoute({
  method: 'DELETE',
  path: '/api/storage/pools/{pool}/volumes/{volume}',
  summary: 'Delete a volume',
  tags: ['storage'],
  access: 'storage.edit',
  params: volumeParams,
  audit: { action: 'volume.delete', objectType: 'volume', objectName: (i) => `${i.params.pool}/${i.params.volume}` },
  run: async ({ host, params }) => {
    await deleteVolume(host, params.pool, params.volume);
    return { ok: true };
  },
});
