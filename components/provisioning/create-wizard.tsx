'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { Problem } from '@/components/data/problem';
import type { WizardOptions } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StepCloudInit } from './step-cloud-init';
import { StepNetwork } from './step-network';
import { StepOs } from './step-os';
import { StepResources } from './step-resources';
import { StepReview, type PlanPreview } from './step-review';
import { StepSource } from './step-source';
import { StepStorage } from './step-storage';
import { initialState, STEPS, stepOfField, toSpec, type StepId, type WizardState } from './wizard-state';

// The create wizard. Each Next asks the server to check the settings so far (POST /api/provisioning/check), so a
// problem shows on the step that has it, in plain words, before the user moves on; the review step shows the
// whole plan (POST /api/provisioning/plan) and Create starts the job.

/** Settings that do not change what is defined: changing them keeps the reviewed plan. */
const KEEPS_PLAN = new Set<keyof WizardState>(['start', 'openConsole']);

export function CreateWizard({ options, initial }: { options: WizardOptions; initial?: WizardState }) {
  const host = useHostId();
  const router = useRouter();
  const [s, setState] = useState<WizardState>(initial ?? { ...initialState, pool: options.pools.find((p) => p.active)?.name ?? '' });
  const [step, setStep] = useState<StepId>('source');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [plan, setPlan] = useState<PlanPreview | null>(null);
  const [xml, setXml] = useState('');
  // Checking, planning and creating: one request at a time, and busy on until the job page replaces this one.
  const { send, busy: sending } = useMutation();
  const [leaving, setLeaving] = useState(false);
  const busy = sending || leaving;
  const set = useCallback((patch: Partial<WizardState>) => {
    setState((prev) => ({ ...prev, ...patch }));
    if (Object.keys(patch).some((k) => !KEEPS_PLAN.has(k as keyof WizardState))) setPlan(null);
  }, []);

  /** A refusal with field messages sends the user to the step of the first one. */
  const fail = (p: Problem) => {
    setMessage(p.message);
    if (Object.keys(p.fields).length) {
      setErrors(p.fields);
      setStep(stepOfField(Object.keys(p.fields)[0]!));
    }
  };

  const review = async () => {
    setStep('review');
    setErrors({});
    setMessage(null);
    const r = await send<PlanPreview>(keys.provisioning(host, 'plan'), { body: toSpec(s) });
    if (!r.ok) {
      setPlan(null);
      return fail(r.problem);
    }
    setPlan(r.data);
    setXml(r.data.xml);
  };

  const index = STEPS.findIndex((x) => x.id === step);

  /** Moves to a step: back freely; forward only once the steps before it pass the server's check. */
  const go = async (id: StepId) => {
    const target = STEPS.findIndex((x) => x.id === id);
    if (target <= index) {
      setStep(id);
      return;
    }
    if (id === 'review') return review();
    setMessage(null);
    const r = await send(keys.provisioning(host, 'check'), { body: { step: STEPS[target - 1]!.id, spec: toSpec(s) } });
    if (!r.ok) return fail(r.problem);
    setErrors({});
    setStep(id);
  };

  const create = async () => {
    if (!plan) return;
    setMessage(null);
    const body = { ...toSpec(s), identity: plan.identity, ...(xml !== plan.xml ? { xml } : {}) };
    const r = await send<{ jobId: string }>(keys.vms(host), { body });
    if (!r.ok) return fail(r.problem);
    setLeaving(true);
    router.push(`/jobs/${r.data.jobId}${s.start && s.openConsole ? '?then=console' : ''}`);
  };

  const props = { s, set, options, errors };
  const hasError = (id: StepId) => Object.keys(errors).some((k) => stepOfField(k) === id);

  return (
    <div className="space-y-4">
      <nav aria-label="Wizard steps" className="flex flex-wrap gap-1">
        {STEPS.map((x, i) => (
          <button
            key={x.id}
            type="button"
            disabled={busy}
            onClick={() => void go(x.id)}
            aria-current={x.id === step ? 'step' : undefined}
            className={`rounded-full px-3 py-1 text-xs ${x.id === step ? 'bg-sky-700 text-white' : hasError(x.id) ? 'bg-red-100 text-red-800' : 'bg-slate-100 text-slate-700'}`}
          >
            {i + 1}. {x.label}
            {hasError(x.id) ? ' ⚠' : ''}
          </button>
        ))}
      </nav>
      {message ? <Alert testId="wizard-error">{message}</Alert> : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={`Step ${index + 1}: ${STEPS[index]!.label}`}>
        <h2 className="mb-3 font-semibold">{STEPS[index]!.label}</h2>
        {step === 'source' ? <StepSource {...props} /> : null}
        {step === 'os' ? <StepOs {...props} /> : null}
        {step === 'resources' ? <StepResources {...props} /> : null}
        {step === 'storage' ? <StepStorage {...props} /> : null}
        {step === 'network' ? <StepNetwork {...props} /> : null}
        {step === 'cloud-init' ? <StepCloudInit {...props} /> : null}
        {step === 'review' ? <StepReview {...props} plan={plan} loading={busy} xml={xml} onXml={setXml} /> : null}
      </section>
      <div className="flex gap-2">
        <Button disabled={index === 0 || busy} onClick={() => void go(STEPS[index - 1]!.id)}>
          Back
        </Button>
        {step !== 'review' ? (
          <Button variant="primary" disabled={busy} onClick={() => void go(STEPS[index + 1]!.id)}>
            {sending ? 'Checking…' : 'Next'}
          </Button>
        ) : (
          <Button variant="primary" disabled={busy || !plan} onClick={() => void create()}>
            Create virtual machine
          </Button>
        )}
      </div>
    </div>
  );
}
