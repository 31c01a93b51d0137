import { jobActor } from '@/lib/http/actor';
import { defineRoute } from '@/lib/http/route';
import { pointParams, verifyBody } from '@/lib/backups/schemas';
import { startVerify } from '@/lib/backups/verify';

export const POST = defineRoute({
  summary: 'Verify a point (a job): checksums read back, image check, optional test boot',
  access: 'backup.run',
  params: pointParams,
  body: verifyBody,
  audit: { action: 'backup.verify.start', objectType: 'vm', objectName: (i) => i.params.name, detail: (i) => ({ point: i.params.point, ...i.body }) },
  run: ({ host, params, body, actor }) => startVerify(host, jobActor(actor), { pointId: params.point, ...body }),
});
