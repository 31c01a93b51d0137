import { alertIdParams, receiverBody } from '@/lib/alerts/inputs';
import { deleteReceiver, updateReceiver, type ReceiverView } from '@/lib/alerts/receivers';
import { defineRoute } from '@/lib/http/route';

type Done = { receiver: ReceiverView };

export const PUT = defineRoute({
  summary: 'Change a receiver (an empty secret keeps the stored one)',
  access: 'alerts.edit',
  params: alertIdParams,
  body: receiverBody,
  audit: {
    action: 'alert-receiver.update',
    objectType: 'alert-receiver',
    objectName: (i, r?: Done) => r?.receiver.name ?? i.body?.name ?? i.params.id,
    detail: (i) => ({ secretChanged: Boolean(i.body?.secret) }),
  },
  run: async ({ params, body }) => ({ receiver: await updateReceiver(params.id, body) }),
});

export const DELETE = defineRoute({
  summary: 'Delete a receiver (rules that named it stop sending there)',
  access: 'alerts.edit',
  params: alertIdParams,
  audit: { action: 'alert-receiver.delete', objectType: 'alert-receiver', objectName: (i, r?: Done) => r?.receiver.name ?? i.params.id },
  run: async ({ params }) => ({ receiver: await deleteReceiver(params.id) }),
});
