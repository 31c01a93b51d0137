import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { fingerprintOf, ZERO_TIME } from './alertmanager';
import { receiverTargets } from './receivers';
import { alertNotifier, externalUrl } from './runtime';

// "Send a test" on the receivers page: one made-up firing alert, sent once, so an admin sees at once whether the
// address, the signature check on the other side, or the SMTP server works.

export async function sendTestNotification(receiverId: string): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const [target] = await receiverTargets([receiverId]);
  if (!target) throw new NotFoundError('There is no such receiver (deleted meanwhile?).');
  const labels = { alertname: 'VireoTestNotification', severity: 'info', receiver: target.name };
  const now = new Date().toISOString();
  return alertNotifier().test(target, {
    status: 'firing',
    labels,
    annotations: { summary: `A test notification from Vireo to ${target.name}: it arrived, so this receiver works.` },
    startsAt: now,
    endsAt: ZERO_TIME,
    generatorURL: `${externalUrl()}/alerts`,
    fingerprint: fingerprintOf(labels),
  });
}
