import { verifyBody } from '@/lib/backups/schemas';
import { startVerify } from '@/lib/backups/verify';
import { pointJobRoute } from '../point-job';

export const POST = pointJobRoute({
  summary: 'Verify a point (a job): checksums read back, image check, optional test boot',
  access: 'backup.run',
  body: verifyBody,
  action: 'backup.verify.start',
  start: startVerify,
});
