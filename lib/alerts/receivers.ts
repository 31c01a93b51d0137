import 'server-only';
import { randomBytes } from 'node:crypto';
import type { AlertReceiver } from '@prisma/client';
import { can } from '@/lib/auth/roles';
import { loadSettings } from '@/lib/config/settings';
import { db } from '@/lib/db/client';
import { ConflictError, InputError, NotFoundError } from '@/lib/errors';
import { emailList, type ReceiverInput } from './inputs';
import type { ReceiverKind } from './model';
import { open, seal } from '@/lib/config/secret-box';
import { checkWebhookUrl } from './webhook';

// Receivers: where notifications go. A webhook's signing secret is sealed (lib/config/secret-box.ts) and never leaves the
// server again, except once, in the answer that made it up.

export interface ReceiverView {
  id: string;
  name: string;
  kind: ReceiverKind;
  url: string | null;
  emails: string[];
  /** Whether notifications to it are signed; the secret itself is never shown. */
  signed: boolean;
  createdAt: string;
}

/** What the sender needs: the receiver with its secret opened. */
export interface ReceiverTarget {
  id: string;
  name: string;
  kind: ReceiverKind;
  url: string | null;
  emails: string[];
  secret: string | null;
}

export function receiverView(r: AlertReceiver): ReceiverView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as ReceiverKind,
    url: r.url,
    emails: r.emails ? emailList(r.emails) : [],
    signed: r.secretEnc !== null,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listReceivers(): Promise<ReceiverView[]> {
  return (await db().alertReceiver.findMany({ orderBy: { name: 'asc' } })).map(receiverView);
}

/** The receivers a role may see: a webhook address often carries a token, so only those who may edit see addresses. */
export async function receiversFor(role: string): Promise<ReceiverView[]> {
  const all = await listReceivers();
  return can(role, 'alerts.edit') ? all : all.map((r) => ({ ...r, url: null, emails: [] }));
}

export async function receiverTargets(ids: readonly string[]): Promise<ReceiverTarget[]> {
  if (!ids.length) return [];
  const rows = await db().alertReceiver.findMany({ where: { id: { in: [...ids] } } });
  return rows.map((r) => ({ ...receiverView(r), secret: r.secretEnc ? open(r.secretEnc) : null }));
}

async function existing(id: string): Promise<AlertReceiver> {
  const r = await db().alertReceiver.findUnique({ where: { id } });
  if (!r) throw new NotFoundError('There is no such receiver (deleted meanwhile?).');
  return r;
}

async function nameFree(name: string, except?: string): Promise<void> {
  const other = await db().alertReceiver.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== except)
    throw new ConflictError(`A receiver named "${name}" exists already.`, { fields: { name: `A receiver named "${name}" exists already.` } });
}

function fields(input: ReceiverInput) {
  if (input.kind === 'email') return { kind: input.kind, url: null, secretEnc: null, emails: emailList(input.emails ?? '').join(', ') };
  const url = checkWebhookUrl(input.url ?? '', loadSettings().alerts.webhookAllow).href;
  return { kind: input.kind, url, emails: null };
}

/** Creates a receiver; a webhook without a secret gets a new one, returned here and never again. */
export async function createReceiver(input: ReceiverInput): Promise<{ receiver: ReceiverView; secret: string | null }> {
  await nameFree(input.name);
  const base = fields(input);
  const secret = input.kind === 'webhook' ? input.secret || randomBytes(24).toString('base64url') : null;
  const row = await db().alertReceiver.create({ data: { name: input.name, ...base, secretEnc: secret ? seal(secret) : null } });
  return { receiver: receiverView(row), secret: input.kind === 'webhook' && !input.secret ? secret : null };
}

/** Changes a receiver; an empty secret keeps the stored one. */
export async function updateReceiver(id: string, input: ReceiverInput): Promise<ReceiverView> {
  const old = await existing(id);
  await nameFree(input.name, id);
  if (old.kind !== input.kind) throw InputError.of({ kind: 'A receiver keeps its kind; make a new one instead.' });
  const secretEnc = input.kind === 'webhook' ? (input.secret ? seal(input.secret) : old.secretEnc) : null;
  return receiverView(await db().alertReceiver.update({ where: { id }, data: { name: input.name, ...fields(input), secretEnc } }));
}

/** Deleting a receiver takes it off every rule that named it. */
export async function deleteReceiver(id: string): Promise<ReceiverView> {
  const r = await existing(id);
  const rules = await db().alertRule.findMany({ where: { receivers: { contains: id } }, select: { id: true, receivers: true } });
  await db().$transaction([
    ...rules.map((rule) =>
      db().alertRule.update({ where: { id: rule.id }, data: { receivers: JSON.stringify((JSON.parse(rule.receivers) as string[]).filter((x) => x !== id)) } }),
    ),
    db().alertReceiver.delete({ where: { id } }),
  ]);
  return receiverView(r);
}
