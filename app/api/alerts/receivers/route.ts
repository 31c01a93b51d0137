import { receiverBody } from '@/lib/alerts/inputs';
import { createReceiver, receiversFor, type ReceiverView } from '@/lib/alerts/receivers';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Notification receivers (addresses only for those who may edit them; secrets never)',
  access: 'alerts.read',
  run: async ({ actor }) => ({ receivers: await receiversFor(actor.role) }),
});

export const POST = defineRoute({
  summary: 'Create a receiver; a webhook without a secret gets one, returned in this answer only',
  access: 'alerts.edit',
  body: receiverBody,
  status: 201,
  audit: {
    action: 'alert-receiver.create',
    objectType: 'alert-receiver',
    objectName: (i) => i.body?.name ?? '-',
    detail: (i, r?: { receiver: ReceiverView }) => ({ kind: i.body?.kind, ...(r ? { id: r.receiver.id } : {}) }),
  },
  run: ({ body }) => createReceiver(body),
});
