import { alertIdParams, ruleBody } from '@/lib/alerts/inputs';
import type { AlertRuleView } from '@/lib/alerts/model';
import { deleteRule, updateRule } from '@/lib/alerts/rules';
import { defineRoute } from '@/lib/http/route';

type Done = { rule: AlertRuleView };

export const PUT = defineRoute({
  summary: 'Change an alert rule (its alerts keep their state; the new condition applies from the next sample)',
  access: 'alerts.edit',
  params: alertIdParams,
  body: ruleBody,
  audit: { action: 'alert-rule.update', objectType: 'alert-rule', objectName: (i, r?: Done) => r?.rule.name ?? i.body?.name ?? i.params.id },
  run: async ({ params, body }) => ({ rule: await updateRule(params.id, body) }),
});

export const DELETE = defineRoute({
  summary: 'Delete an alert rule; its firing alerts end as resolved, without notifying',
  access: 'alerts.edit',
  params: alertIdParams,
  audit: { action: 'alert-rule.delete', objectType: 'alert-rule', objectName: (i, r?: Done) => r?.rule.name ?? i.params.id },
  run: async ({ params }) => ({ rule: await deleteRule(params.id) }),
});
