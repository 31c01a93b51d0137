import { silenceBody } from '@/lib/alerts/inputs';
import { createSilence, listSilences, type SilenceView } from '@/lib/alerts/silences';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Silences: active ones, and those that ended in the last day',
  access: 'alerts.read',
  run: async () => ({ silences: await listSilences() }),
});

export const POST = defineRoute({
  summary: 'Silence the alerts of a rule, a VM and/or a host until a time: they change state but notify nobody',
  access: 'alerts.silence',
  body: silenceBody,
  status: 201,
  audit: {
    action: 'alert-silence.create',
    objectType: 'alert-silence',
    objectName: (i) =>
      [i.body?.ruleId && `rule ${i.body.ruleId}`, i.body?.vm && `VM ${i.body.vm}`, i.body?.hostId && `host ${i.body.hostId}`].filter(Boolean).join(', ') || '-',
    detail: (i, r?: { silence: SilenceView }) => ({ endsAt: i.body?.endsAt, comment: i.body?.comment, ...(r ? { id: r.silence.id } : {}) }),
  },
  run: async ({ body, actor }) => ({ silence: await createSilence(body, actor.username) }),
});
