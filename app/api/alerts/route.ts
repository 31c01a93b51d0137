import { listAlerts } from '@/lib/alerts/instances';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Current alerts (pending and firing) and those resolved in the last day, with whether a silence mutes them',
  access: 'alerts.read',
  run: async () => ({ alerts: await listAlerts() }),
});
