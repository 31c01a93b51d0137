import { alertIdParams } from '@/lib/alerts/inputs';
import { sendTestNotification } from '@/lib/alerts/test-notification';
import { defineRoute } from '@/lib/http/route';

export const POST = defineRoute({
  summary: 'Send a test notification to a receiver once and say how it went (also in the delivery log)',
  access: 'alerts.edit',
  params: alertIdParams,
  audit: {
    action: 'alert-receiver.test',
    objectType: 'alert-receiver',
    objectName: (i) => i.params.id,
    detail: (_i, r?: { ok: boolean }) => (r ? { ok: r.ok } : null),
  },
  run: ({ params }) => sendTestNotification(params.id),
});
