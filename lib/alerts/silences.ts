import 'server-only';
import type { AlertSilence } from '@prisma/client';
import { db } from '@/lib/db/client';
import { InputError, NotFoundError } from '@/lib/errors';
import type { SilenceInput } from './inputs';
import type { SilenceMatcher } from './silence-match';

// Silences mute notifications of the alerts they match until they end; the alerts still go pending, fire and
// resolve (and are shown so), they just tell no receiver. Every matcher given must match (rule, VM, host).

export interface SilenceView {
  id: string;
  ruleId: string | null;
  vm: string | null;
  hostId: string | null;
  comment: string;
  createdBy: string;
  startsAt: string;
  endsAt: string;
  active: boolean;
}

function view(s: AlertSilence, now = Date.now()): SilenceView {
  return { ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), active: s.endsAt.getTime() > now };
}

/** Active silences, then those that ended in the last day (for the page). */
export async function listSilences(now = new Date()): Promise<SilenceView[]> {
  const rows = await db().alertSilence.findMany({ where: { endsAt: { gt: new Date(now.getTime() - 86_400_000) } }, orderBy: { endsAt: 'desc' } });
  return rows.map((r) => view(r, now.getTime()));
}

export async function activeSilences(now = new Date()): Promise<SilenceMatcher[]> {
  return db().alertSilence.findMany({ where: { endsAt: { gt: now } }, select: { ruleId: true, vm: true, hostId: true, endsAt: true } });
}

export async function createSilence(input: SilenceInput, createdBy: string): Promise<SilenceView> {
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= Date.now()) throw InputError.of({ endsAt: 'The silence must end in the future.' });
  if (input.ruleId && !(await db().alertRule.findUnique({ where: { id: input.ruleId }, select: { id: true } })))
    throw InputError.of({ ruleId: 'That rule no longer exists; reload and choose again.' });
  const row = await db().alertSilence.create({
    data: { ruleId: input.ruleId || null, vm: input.vm || null, hostId: input.hostId || null, comment: input.comment, createdBy, endsAt },
  });
  return view(row);
}

/** Ends a silence now (kept in the list for a day, as ended). */
export async function expireSilence(id: string): Promise<SilenceView> {
  const s = await db().alertSilence.findUnique({ where: { id } });
  if (!s) throw new NotFoundError('There is no such silence.');
  return view(await db().alertSilence.update({ where: { id }, data: { endsAt: new Date() } }));
}
