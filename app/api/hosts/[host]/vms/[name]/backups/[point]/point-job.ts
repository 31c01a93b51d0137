import type { z } from 'zod';
import type { Permission } from '@/lib/auth/roles';
import { pointParams } from '@/lib/backups/schemas';
import type { HostContext } from '@/lib/hosts';
import { jobActor } from '@/lib/http/actor';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute, type RouteHandler, type RouteInput, type Schema } from '@/lib/http/route';
import type { JobActor } from '@/lib/jobs/runner';

// Restore and verify both start a job on one backup point with what the body asks: the request is recorded against
// the VM with the point and the body, the job records its own end, and the answer is the job's id.

interface PointJob<B extends z.ZodType<object>> {
  summary: string;
  access: Permission;
  body: B;
  /** The audit action of the request, e.g. 'vm.restore.start'. */
  action: string;
  start(host: HostContext, actor: JobActor, req: { pointId: string } & RouteInput<Schema, Schema, B>['body']): Promise<{ jobId: string }>;
}

export function pointJobRoute<B extends z.ZodType<object>>(job: PointJob<B>): RouteHandler {
  return defineRoute({
    summary: job.summary,
    access: job.access,
    params: pointParams,
    body: job.body,
    audit: { action: job.action, ...vmInPath, detail: (i) => ({ point: i.params.point, ...i.body }) },
    run: ({ host, params, body, actor }) => job.start(host, jobActor(actor), { pointId: params.point, ...body }),
  });
}
