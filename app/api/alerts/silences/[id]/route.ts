import { alertIdParams } from '@/lib/alerts/inputs';
import { expireSilence } from '@/lib/alerts/silences';
import { defineRoute } from '@/lib/http/route';

export const DELETE = defineRoute({
  summary: 'End a silence now',
  access: 'alerts.silence',
  params: alertIdParams,
  audit: { action: 'alert-silence.expire', objectType: 'alert-silence', objectName: (i) => i.params.id },
  run: async ({ params }) => ({ silence: await expireSilence(params.id) }),
});
