import { ruleBody } from '@/lib/alerts/inputs';
import type { AlertRuleView } from '@/lib/alerts/model';
import { createRule, listRules } from '@/lib/alerts/rules';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Alert rules',
  access: 'alerts.read',
  run: async () => ({ rules: await listRules() }),
});

export const POST = defineRoute({
  summary: 'Create an alert rule (evaluated from the next metrics sample on)',
  access: 'alerts.edit',
  body: ruleBody,
  status: 201,
  audit: {
    action: 'alert-rule.create',
    objectType: 'alert-rule',
    objectName: (i) => i.body?.name ?? '-',
    detail: (_i, r?: { rule: AlertRuleView }) => (r ? { id: r.rule.id, metric: r.rule.metric, scope: r.rule.scopeKind } : null),
  },
  run: async ({ body }) => ({ rule: await createRule(body) }),
});
