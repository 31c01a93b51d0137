'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { fieldError } from '@/components/data/problem';
import { CheckboxField, TextAreaField } from '@/components/ui/inputs';
import type { PlanSummary } from '@/lib/provisioning/summary';
import type { StepProps } from './step-props';

export interface PlanPreview {
  summary: PlanSummary;
  xml: string;
  identity: { uuid: string; mac: string };
  domainType: { type: 'kvm' | 'qemu'; cpuMode: string | null; reason: string };
  warnings: string[];
  steps: { id: string; label: string }[];
  seed: { pool: string; name: string; files: Record<string, string> } | null;
}

interface ReviewProps extends StepProps {
  plan: PlanPreview | null;
  loading: boolean;
  xml: string;
  onXml: (xml: string) => void;
}

/** What will be made, in plain words (the XML below says the same in libvirt's). */
function Summary({ summary, start }: { summary: PlanSummary; start: boolean }) {
  const rows: [string, ReactNode][] = [
    ['Name', summary.name],
    ['Operating system', summary.os],
    ['CPU', summary.cpu],
    ['Memory', summary.memory],
    [
      'Disks',
      summary.disks.length ? (
        <ul className="space-y-0.5">
          {summary.disks.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : (
        'none'
      ),
    ],
    ['Network', summary.network],
    ...(summary.cloudInit ? ([['cloud-init', summary.cloudInit]] as [string, ReactNode][]) : []),
    ['When created', start ? 'started' : 'left shut off'],
  ];
  return (
    <section aria-label="Summary" data-testid="plan-summary">
      <h3 className="mb-1 text-sm font-semibold">Summary</h3>
      <dl className="grid gap-x-4 gap-y-1 rounded-md border border-slate-200 p-3 text-sm sm:grid-cols-[10rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd data-testid={`summary-${k.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function StepReview({ s, set, errors, plan, loading, xml, onXml }: ReviewProps) {
  if (loading && !plan) return <p className="text-sm text-slate-600">Checking the settings against the host…</p>;
  if (!plan) return <p className="text-sm text-slate-600">Fix the settings marked on the earlier steps, then come back here.</p>;
  const edited = xml !== plan.xml;
  // Starting is the job's last step: unticked, the job skips it (the plan itself does not change).
  const steps = s.start ? plan.steps : plan.steps.filter((st) => st.id !== 'start');
  return (
    <div className="space-y-4">
      <Summary summary={plan.summary} start={s.start} />
      <div className="flex flex-wrap gap-4 text-sm">
        <CheckboxField label="Start the VM when it is created" checked={s.start} onChange={(v) => set({ start: v })} />
        <CheckboxField label="Then open its console" checked={s.openConsole} disabled={!s.start} onChange={(v) => set({ openConsole: v })} />
      </div>
      {plan.warnings.map((w) => (
        <Alert key={w} tone="warning">
          {w}
        </Alert>
      ))}
      <section>
        <h3 className="mb-1 text-sm font-semibold">The job will</h3>
        <ol className="list-decimal pl-5 text-sm" data-testid="planned-steps">
          {steps.map((st) => (
            <li key={st.id}>{st.label}</li>
          ))}
        </ol>
      </section>
      {plan.seed ? (
        <section>
          <h3 className="mb-1 text-sm font-semibold">cloud-init user-data (form and raw text merged)</h3>
          <pre className="max-h-60 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="user-data-preview">
            {plan.seed.files['user-data']}
          </pre>
          {plan.seed.files['network-config'] ? (
            <>
              <h3 className="mb-1 mt-3 text-sm font-semibold">network-config</h3>
              <pre className="max-h-40 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="network-config-preview">
                {plan.seed.files['network-config']}
              </pre>
            </>
          ) : null}
        </section>
      ) : null}
      <TextAreaField
        mono
        label={`Domain XML${edited ? ' (edited)' : ''}`}
        rows={18}
        spellCheck={false}
        value={xml}
        onChange={onXml}
        error={fieldError(errors, 'xml')}
        hint="Edit it if you need something the wizard does not offer; libvirt validates it against its schema when it is defined."
      />
    </div>
  );
}
