import { defineRoute } from '@/lib/http/route';
import { changeSchedule, deleteSchedule, scheduleSchema } from '@/lib/backups/schedules';
import { scheduleParams } from '@/lib/backups/schemas';

export const PUT = defineRoute({
  summary: 'Change a backup schedule',
  access: 'backup.manage',
  params: scheduleParams,
  body: scheduleSchema,
  audit: { action: 'backup.schedule.update', objectType: 'backup-schedule', objectName: (i) => i.params.id, detail: (i) => ({ ...i.body }) },
  run: ({ host, params, body }) => changeSchedule(host, params.id, body),
});

export const DELETE = defineRoute({
  summary: 'Delete a backup schedule (its backups stay)',
  access: 'backup.manage',
  params: scheduleParams,
  audit: { action: 'backup.schedule.delete', objectType: 'backup-schedule', objectName: (i) => i.params.id },
  run: async ({ host, params }) => {
    await deleteSchedule(host, params.id);
    return { deleted: params.id };
  },
});
