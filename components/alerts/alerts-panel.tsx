'use client';

import { useState, type ReactNode } from 'react';
import { useAlertDeliveries, useAlertReceivers, useAlertRules, useAlerts, useAlertSilences } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type {
  AlertList,
  AlertRuleList,
  AlertRuleView,
  AlertView,
  DeliveryList,
  ReceiverList,
  ReceiverView,
  SilenceList,
  SilenceView,
} from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RequestDialog } from '@/components/ui/request-dialog';
import { When } from '@/components/ui/when';
import { conditionWords, SCOPE_LABELS } from '@/lib/alerts/model';
import { ReceiverDialog } from './receiver-dialog';
import { RuleDialog } from './rule-dialog';
import { SilenceDialog, type SilencePreset } from './silence-dialog';

// The Alerts page: what is pending or firing now (and what resolved lately), the rules, silences, receivers and
// the delivery log. Every list is its own SWR resource; changes go through useMutation and re-read what they touch.

export interface AlertsInitial {
  alerts: AlertList;
  rules: AlertRuleList;
  receivers: ReceiverList;
  silences: SilenceList;
  deliveries: DeliveryList;
}

interface Can {
  edit: boolean;
  silence: boolean;
}

const STATE_TONE: Record<string, string> = {
  firing: 'bg-red-100 text-red-800',
  pending: 'bg-amber-100 text-amber-800',
  resolved: 'bg-emerald-100 text-emerald-800',
};

function Badge({ children, tone }: { children: ReactNode; tone: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>{children}</span>;
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** What deleting a rule or a receiver does, in a sentence, and the lists it makes stale. */
const DELETES = {
  rule: {
    url: keys.alertRule,
    touches: [keys.alertRules, keys.alerts],
    effect: 'Its pending alerts vanish and its firing ones end as resolved, without notifying anyone.',
  },
  receiver: {
    url: keys.alertReceiver,
    touches: [keys.alertReceivers, keys.alertRules],
    effect: 'Rules that notify it stop sending there. Its delivery log stays.',
  },
} as const;

type Deletable = { kind: keyof typeof DELETES; item: { id: string; name: string } };

/** The Actions column of a list: the row's buttons, for those allowed to act (`allowed`), nothing for the others. */
function actionsFor<T>(allowed: boolean, buttons: (row: T) => ReactNode): Column<T> {
  return { id: 'actions', header: '', label: 'Actions', cell: (row) => (allowed ? <span className="flex gap-1">{buttons(row)}</span> : null) };
}

type Dialog =
  | { kind: 'rule'; rule: AlertRuleView | null }
  | { kind: 'receiver'; receiver: ReceiverView | null }
  | { kind: 'silence'; preset: SilencePreset }
  | { kind: 'delete'; target: Deletable }
  | null;

export function AlertsPanel({ initial, can }: { initial: AlertsInitial; can: Can }) {
  const alerts = useAlerts(initial.alerts);
  const rules = useAlertRules(initial.rules);
  const receivers = useAlertReceivers(initial.receivers);
  const silences = useAlertSilences(initial.silences);
  const deliveries = useAlertDeliveries(initial.deliveries);
  const act = useMutation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState<string | null>(null);
  const ruleList = rules.data?.rules ?? [];
  const receiverList = receivers.data?.receivers ?? [];
  const receiverName = (id: string) => receiverList.find((r) => r.id === id)?.name ?? '(deleted)';
  const done = (m: string) => {
    setDialog(null);
    setNote(m);
  };

  async function test(r: ReceiverView) {
    const out = await act.send<{ ok: boolean; error: string | null }>(`${keys.alertReceiver(r.id)}/test`, { touches: [keys.alertDeliveries] });
    if (out.ok) setNote(out.data.ok ? `The test notification reached ${r.name}.` : `The test notification to ${r.name} failed: ${out.data.error}`);
  }

  async function endSilence(id: string) {
    const out = await act.send(keys.alertSilence(id), { method: 'DELETE', touches: [keys.alertSilences, keys.alerts] });
    if (out.ok) setNote('The silence ended.');
  }

  const alertColumns: Column<AlertView>[] = [
    {
      id: 'state',
      header: 'State',
      cell: (a) => (
        <span className="space-x-1">
          <Badge tone={STATE_TONE[a.state] ?? ''}>{a.state}</Badge>
          {a.silenced ? <Badge tone="bg-slate-200 text-slate-700">silenced</Badge> : null}
        </span>
      ),
      sortValue: (a) => a.state,
    },
    { id: 'rule', header: 'Rule', cell: (a) => a.ruleName, sortValue: (a) => a.ruleName },
    { id: 'subject', header: 'VM or host', cell: (a) => a.subjectName, sortValue: (a) => a.subjectName },
    { id: 'value', header: 'Value', cell: (a) => (a.value === null ? '—' : Math.round(a.value * 100) / 100) },
    {
      id: 'since',
      header: 'Since',
      cell: (a) => <When at={a.state === 'resolved' ? a.resolvedAt : (a.firedAt ?? a.activeAt)} />,
      sortValue: (a) => a.firedAt ?? a.activeAt,
    },
    actionsFor(can.silence, (a) =>
      a.state !== 'resolved' && !a.silenced ? (
        <Button onClick={() => setDialog({ kind: 'silence', preset: { ruleId: a.ruleId, vm: a.subjectKey === 'host' ? undefined : a.subjectName } })}>
          Silence
        </Button>
      ) : null,
    ),
  ];

  const ruleColumns: Column<AlertRuleView>[] = [
    { id: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name },
    { id: 'condition', header: 'Condition', cell: (r) => conditionWords(r) },
    { id: 'scope', header: 'Applies to', cell: (r) => (r.scopeKind === 'all' ? SCOPE_LABELS.all : `${SCOPE_LABELS[r.scopeKind]}: ${r.scopeValue}`) },
    { id: 'severity', header: 'Severity', cell: (r) => r.severity },
    { id: 'notify', header: 'Notifies', cell: (r) => r.receivers.map(receiverName).join(', ') || '—' },
    { id: 'enabled', header: 'Enabled', cell: (r) => (r.enabled ? 'yes' : 'no') },
    actionsFor(can.edit, (r) => (
      <>
        <Button onClick={() => setDialog({ kind: 'rule', rule: r })}>Edit</Button>
        <Button onClick={() => setDialog({ kind: 'delete', target: { kind: 'rule', item: r } })}>Delete</Button>
      </>
    )),
  ];

  const receiverColumns: Column<ReceiverView>[] = [
    { id: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name },
    { id: 'kind', header: 'Kind', cell: (r) => (r.kind === 'webhook' ? `webhook${r.signed ? ' (signed)' : ''}` : 'email') },
    { id: 'to', header: 'To', cell: (r) => <span className="break-all">{r.kind === 'webhook' ? (r.url ?? '—') : r.emails.join(', ') || '—'}</span> },
    actionsFor(can.edit, (r) => (
      <>
        <Button onClick={() => void test(r)} disabled={act.busy}>
          Send a test
        </Button>
        <Button onClick={() => setDialog({ kind: 'receiver', receiver: r })}>Edit</Button>
        <Button onClick={() => setDialog({ kind: 'delete', target: { kind: 'receiver', item: r } })}>Delete</Button>
      </>
    )),
  ];

  const silenceList = silences.data?.silences ?? [];
  const deliveryList = deliveries.data?.deliveries ?? [];
  const ruleName = (id: string | null) => (id ? (ruleList.find((r) => r.id === id)?.name ?? '(deleted rule)') : null);

  return (
    <div className="space-y-8">
      <Alert tone="info" testId="alerts-note">
        {note}
      </Alert>
      {act.problem ? <Alert>{act.problem.message}</Alert> : null}

      <Section title="Current alerts">
        <DataTable
          rows={alerts.data?.alerts}
          columns={alertColumns}
          rowKey={(a) => a.id}
          rowTestId={(a) => `alert-${a.ruleName}-${a.subjectName}`}
          empty="Nothing is pending or firing, and nothing resolved in the last day."
          testId="current-alerts"
        />
      </Section>

      <Section
        title="Rules"
        action={
          can.edit ? (
            <Button variant="primary" onClick={() => setDialog({ kind: 'rule', rule: null })}>
              New rule
            </Button>
          ) : null
        }
      >
        <DataTable
          rows={rules.data?.rules}
          columns={ruleColumns}
          rowKey={(r) => r.id}
          rowTestId={(r) => `rule-${r.name}`}
          empty="No rules yet."
          testId="alert-rules"
        />
      </Section>

      <Section title="Silences" action={can.silence ? <Button onClick={() => setDialog({ kind: 'silence', preset: {} })}>New silence</Button> : null}>
        <DataTable
          rows={silenceList}
          columns={[
            {
              id: 'matches',
              header: 'Matches',
              cell: (s) =>
                [ruleName(s.ruleId) && `rule ${ruleName(s.ruleId)}`, s.vm && `VM ${s.vm}`, s.hostId && `host ${s.hostId}`].filter(Boolean).join(', '),
            },
            {
              id: 'until',
              header: 'Until',
              cell: (s) =>
                s.active ? (
                  <When at={s.endsAt} />
                ) : (
                  <span>
                    ended <When at={s.endsAt} />
                  </span>
                ),
            },
            { id: 'by', header: 'By', cell: (s) => s.createdBy },
            { id: 'comment', header: 'Comment', cell: (s) => s.comment || '—' },
            actionsFor(can.silence, (s: SilenceView) => (s.active ? <Button onClick={() => void endSilence(s.id)}>End now</Button> : null)),
          ]}
          rowKey={(s) => s.id}
          empty="No silences."
          testId="alert-silences"
        />
      </Section>

      <Section title="Receivers" action={can.edit ? <Button onClick={() => setDialog({ kind: 'receiver', receiver: null })}>New receiver</Button> : null}>
        <DataTable rows={receivers.data?.receivers} columns={receiverColumns} rowKey={(r) => r.id} empty="No receivers yet." testId="alert-receivers" />
      </Section>

      <Section title="Delivery log">
        <DataTable
          rows={deliveryList}
          columns={[
            { id: 'at', header: 'When', cell: (d) => <When at={d.at} /> },
            { id: 'receiver', header: 'Receiver', cell: (d) => `${d.receiverName} (${d.kind})` },
            { id: 'what', header: 'Notification', cell: (d) => d.summary },
            { id: 'attempt', header: 'Attempt', cell: (d) => d.attempt },
            {
              id: 'outcome',
              header: 'Outcome',
              cell: (d) => (
                <span>
                  {d.outcome}
                  {d.httpStatus ? ` (${d.httpStatus})` : ''}
                  {d.error ? <span className="block text-xs text-slate-500">{d.error}</span> : null}
                </span>
              ),
            },
          ]}
          rowKey={(d) => String(d.id)}
          empty="Nothing sent yet."
          testId="alert-deliveries"
        />
      </Section>

      {dialog?.kind === 'rule' ? <RuleDialog rule={dialog.rule} receivers={receiverList} onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog?.kind === 'receiver' ? <ReceiverDialog receiver={dialog.receiver} onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog?.kind === 'silence' ? <SilenceDialog rules={ruleList} preset={dialog.preset} onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog?.kind === 'delete' ? <ConfirmDelete target={dialog.target} onClose={() => setDialog(null)} onDone={done} /> : null}
    </div>
  );
}

function ConfirmDelete({ target: { kind, item }, onClose, onDone }: { target: Deletable; onClose: () => void; onDone: (m: string) => void }) {
  const { url, touches, effect } = DELETES[kind];
  const what = `the ${kind} ${item.name}`;
  return (
    <RequestDialog
      danger
      title={`Delete ${what}`}
      submitLabel={`Delete ${kind}`}
      request={() => ({ url: url(item.id), method: 'DELETE', touches })}
      onClose={onClose}
      onSent={() => onDone(`Deleted ${what}.`)}
    >
      {effect}
    </RequestDialog>
  );
}
