import 'server-only';
import type { AlertRule } from '@prisma/client';
import { db } from '@/lib/db/client';
import { ConflictError, InputError, NotFoundError } from '@/lib/errors';
import type { RuleInput } from './inputs';
import type { AlertComparison, AlertMetric, AlertRuleView, AlertScope, AlertSeverity } from './model';

// Alert rules in the database. A rule names its receivers by id; an id that names no receiver is refused.

export function ruleView(r: AlertRule): AlertRuleView {
  return {
    id: r.id,
    name: r.name,
    metric: r.metric as AlertMetric,
    comparison: r.comparison as AlertComparison,
    threshold: r.threshold,
    stateValue: r.stateValue,
    forSeconds: r.forSeconds,
    scopeKind: r.scopeKind as AlertScope,
    scopeValue: r.scopeValue,
    severity: r.severity as AlertSeverity,
    description: r.description,
    receivers: JSON.parse(r.receivers) as string[],
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listRules(): Promise<AlertRuleView[]> {
  return (await db().alertRule.findMany({ orderBy: { name: 'asc' } })).map(ruleView);
}

export async function enabledRules(): Promise<AlertRuleView[]> {
  return (await db().alertRule.findMany({ where: { enabled: true } })).map(ruleView);
}

export async function getRule(id: string): Promise<AlertRuleView> {
  const r = await db().alertRule.findUnique({ where: { id } });
  if (!r) throw new NotFoundError('There is no such alert rule (deleted meanwhile?).');
  return ruleView(r);
}

async function checkReceivers(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const found = await db().alertReceiver.count({ where: { id: { in: [...ids] } } });
  if (found !== ids.length) throw InputError.of({ receivers: 'A chosen receiver no longer exists; reload and choose again.' });
}

async function nameFree(name: string, except?: string): Promise<void> {
  const other = await db().alertRule.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== except)
    throw new ConflictError(`A rule named "${name}" exists already.`, { fields: { name: `A rule named "${name}" exists already.` } });
}

function data(input: RuleInput) {
  return { ...input, receivers: JSON.stringify(input.receivers) };
}

export async function createRule(input: RuleInput): Promise<AlertRuleView> {
  await nameFree(input.name);
  await checkReceivers(input.receivers);
  return ruleView(await db().alertRule.create({ data: data(input) }));
}

export async function updateRule(id: string, input: RuleInput): Promise<AlertRuleView> {
  await getRule(id);
  await nameFree(input.name, id);
  await checkReceivers(input.receivers);
  return ruleView(await db().alertRule.update({ where: { id }, data: data(input) }));
}

/** Deleting a rule ends its alerts: pending ones vanish, firing ones are marked resolved (without notifying). */
export async function deleteRule(id: string): Promise<AlertRuleView> {
  const rule = await getRule(id);
  await db().$transaction([
    db().alertInstance.deleteMany({ where: { ruleId: id, state: 'pending' } }),
    db().alertInstance.updateMany({ where: { ruleId: id, state: 'firing' }, data: { state: 'resolved', resolvedAt: new Date() } }),
    db().alertRule.delete({ where: { id } }),
  ]);
  return rule;
}
