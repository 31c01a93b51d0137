'use client';

import { useState } from 'react';
import { useHosts } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { AlertRuleView, ReceiverView } from '@/components/data/types';
import { CheckboxField, NumberField, Options, SelectField, TextAreaField, TextField } from '@/components/ui/inputs';
import { RequestDialog, type DialogRequest } from '@/components/ui/request-dialog';
import {
  ALERT_METRICS,
  ALERT_SCOPES,
  ALERT_SEVERITIES,
  ALERT_VM_STATES,
  COMPARISON_LABELS,
  hasThreshold,
  isStateMetric,
  METRIC_LABELS,
  METRIC_UNITS,
  NUMBER_COMPARISONS,
  SCOPE_LABELS,
  STATE_COMPARISONS,
  type AlertMetric,
  type AlertScope,
} from '@/lib/alerts/model';

// Creating or changing an alert rule. The form keeps what is typed as text; the server checks it and answers per
// field (a missing threshold, a VM scope without a VM), shown beside each field, and nothing is saved until it
// accepts.

interface Draft {
  name: string;
  metric: AlertMetric;
  comparison: string;
  threshold: string;
  stateValue: string;
  forSeconds: string;
  scopeKind: AlertScope;
  scopeValue: string;
  severity: string;
  description: string;
  receivers: string[];
  enabled: boolean;
}

function draftOf(rule: AlertRuleView | null): Draft {
  if (!rule)
    return {
      name: '',
      metric: 'vm.cpu',
      comparison: '>',
      threshold: '90',
      stateValue: 'running',
      forSeconds: '300',
      scopeKind: 'all',
      scopeValue: '',
      severity: 'warning',
      description: '',
      receivers: [],
      enabled: true,
    };
  return {
    ...rule,
    threshold: String(rule.threshold),
    stateValue: rule.stateValue ?? 'running',
    forSeconds: String(rule.forSeconds),
    scopeValue: rule.scopeValue ?? '',
  };
}

/** A number typed in a field, or the text itself so the server says what is wrong with it. */
function numberOrText(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

export function RuleDialog({
  rule,
  receivers,
  onClose,
  onDone,
}: {
  rule: AlertRuleView | null;
  receivers: readonly ReceiverView[];
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const save = useMutation();
  const [d, setD] = useState<Draft>(() => draftOf(rule));
  // A host scope names one of the registered hosts (the Hosts page's), read only while that scope is chosen.
  const hostIds = (useHosts(undefined, d.scopeKind === 'host').data?.hosts ?? []).map((h) => h.id);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const errors = save.problem?.fields;
  const state = isStateMetric(d.metric);
  const comparisons = state ? STATE_COMPARISONS : NUMBER_COMPARISONS;

  function chooseMetric(metric: AlertMetric) {
    setD((old) => ({
      ...old,
      metric,
      comparison: isStateMetric(metric) ? 'is-not' : (NUMBER_COMPARISONS as readonly string[]).includes(old.comparison) ? old.comparison : '>',
      scopeKind: metric === 'host.down' && (old.scopeKind === 'vm' || old.scopeKind === 'tag') ? 'all' : old.scopeKind,
    }));
  }

  function request(): DialogRequest {
    const body = {
      name: d.name,
      metric: d.metric,
      comparison: hasThreshold(d.metric) || state ? d.comparison : undefined,
      threshold: hasThreshold(d.metric) ? numberOrText(d.threshold) : undefined,
      stateValue: state ? d.stateValue : null,
      forSeconds: numberOrText(d.forSeconds),
      scopeKind: d.scopeKind,
      scopeValue: d.scopeKind === 'all' ? null : d.scopeValue,
      severity: d.severity,
      description: d.description,
      receivers: d.receivers,
      enabled: d.enabled,
    };
    return { url: rule ? keys.alertRule(rule.id) : keys.alertRules, method: rule ? 'PUT' : 'POST', body, touches: [keys.alertRules, keys.alerts] };
  }

  const scopeHint =
    d.scopeKind === 'tag'
      ? 'VMs carrying this tag. VM tags are not there yet: until they are, a tag rule matches no VM.'
      : d.scopeKind === 'host'
        ? 'One of the hosts Vireo manages (the Hosts page).'
        : undefined;

  return (
    <RequestDialog
      mutation={save}
      title={rule ? `Change the rule ${rule.name}` : 'New alert rule'}
      onClose={onClose}
      request={request}
      onSent={() => onDone(rule ? `Saved the rule ${d.name}.` : `Created the rule ${d.name}; it is evaluated from the next metrics sample.`)}
      submitLabel={rule ? 'Save rule' : 'Create rule'}
      testId="rule-dialog"
    >
      <TextField label="Name" value={d.name} onChange={(v) => set('name', v)} error={fieldError(errors, 'name')} testId="rule-name" />
      <SelectField label="Watch" value={d.metric} onChange={(v) => chooseMetric(v as AlertMetric)} error={fieldError(errors, 'metric')} testId="rule-metric">
        <Options values={ALERT_METRICS} label={(m) => METRIC_LABELS[m]} />
      </SelectField>
      {hasThreshold(d.metric) || state ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Condition"
            value={d.comparison}
            onChange={(v) => set('comparison', v)}
            error={fieldError(errors, 'comparison')}
            testId="rule-comparison"
          >
            <Options values={comparisons} label={(c) => COMPARISON_LABELS[c]} />
          </SelectField>
          {state ? (
            <SelectField label="State" value={d.stateValue} onChange={(v) => set('stateValue', v)} error={fieldError(errors, 'stateValue')} testId="rule-state">
              <Options values={ALERT_VM_STATES} />
            </SelectField>
          ) : (
            <NumberField
              label={`Threshold (${METRIC_UNITS[d.metric]})`}
              value={d.threshold}
              step="any"
              onChange={(v) => set('threshold', v)}
              error={fieldError(errors, 'threshold')}
              testId="rule-threshold"
            />
          )}
        </div>
      ) : null}
      <NumberField
        label="For (seconds)"
        hint="How long the condition must hold before the alert fires; 0 fires at the first sample that meets it."
        value={d.forSeconds}
        onChange={(v) => set('forSeconds', v)}
        error={fieldError(errors, 'forSeconds')}
        testId="rule-for"
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Applies to"
          value={d.scopeKind}
          onChange={(v) => set('scopeKind', v as AlertScope)}
          error={fieldError(errors, 'scopeKind')}
          testId="rule-scope"
        >
          <Options values={ALERT_SCOPES.filter((s) => d.metric !== 'host.down' || s === 'all' || s === 'host')} label={(s) => SCOPE_LABELS[s]} />
        </SelectField>
        {d.scopeKind === 'host' ? (
          <SelectField
            label="Host"
            hint={scopeHint}
            value={d.scopeValue}
            onChange={(v) => set('scopeValue', v)}
            error={fieldError(errors, 'scopeValue')}
            testId="rule-scope-value"
          >
            <option value="">Choose a host…</option>
            {[...new Set([...hostIds, ...(d.scopeValue ? [d.scopeValue] : [])])].map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </SelectField>
        ) : d.scopeKind !== 'all' ? (
          <TextField
            label={d.scopeKind === 'vm' ? 'VM name' : 'Tag'}
            hint={scopeHint}
            value={d.scopeValue}
            onChange={(v) => set('scopeValue', v)}
            error={fieldError(errors, 'scopeValue')}
            testId="rule-scope-value"
          />
        ) : null}
      </div>
      <SelectField label="Severity" value={d.severity} onChange={(v) => set('severity', v)} error={fieldError(errors, 'severity')}>
        <Options values={ALERT_SEVERITIES} />
      </SelectField>
      <TextAreaField
        label="Description (sent with notifications)"
        value={d.description}
        onChange={(v) => set('description', v)}
        error={fieldError(errors, 'description')}
      />
      <fieldset className="space-y-1 text-sm">
        <legend className="mb-1 font-medium text-slate-700">Notify</legend>
        {receivers.length === 0 ? <p className="text-slate-500">No receivers yet: the rule's alerts are shown here and in the audit log only.</p> : null}
        {receivers.map((r) => (
          <CheckboxField
            key={r.id}
            label={`${r.name} (${r.kind})`}
            checked={d.receivers.includes(r.id)}
            onChange={(on) => set('receivers', on ? [...d.receivers, r.id] : d.receivers.filter((x) => x !== r.id))}
          />
        ))}
        {fieldError(errors, 'receivers') ? <span className="block text-xs text-red-700">{fieldError(errors, 'receivers')}</span> : null}
      </fieldset>
      <CheckboxField label="Enabled" checked={d.enabled} onChange={(on) => set('enabled', on)} />
    </RequestDialog>
  );
}
