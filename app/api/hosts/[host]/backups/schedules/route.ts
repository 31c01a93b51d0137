import { defineRoute } from '@/lib/http/route';
import { createSchedule, listSchedules, scheduleSchema } from '@/lib/backups/schedules';

export const GET = defineRoute({
  summary: "The host's backup schedules with their next firing",
  access: 'vm.read',
  run: ({ host }) => listSchedules(host),
});

export const POST = defineRoute({
  summary: 'Create a backup schedule (a VM or a tag, a cron expression, a pool, retention)',
  access: 'backup.manage',
  body: scheduleSchema,
  audit: {
    action: 'backup.schedule.create',
    objectType: 'backup-schedule',
    objectName: (i) => (i.body && 'vm' in i.body ? i.body.vm : i.body && 'tag' in i.body ? `tag ${i.body.tag}` : '') ?? '',
    detail: (i) => ({ ...i.body }),
  },
  run: ({ host, body }) => createSchedule(host, body),
});
