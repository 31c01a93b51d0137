'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { api, ApiError } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { WizardOptions } from '@/lib/provisioning/options';
import { StepCloudInit } from './step-cloud-init';
import { StepNetwork } from './step-network';
import { StepOs } from './step-os';
import { StepResources } from './step-resources';
import { StepReview, type PlanPreview } from './step-review';
import { StepSource } from './step-source';
import { StepStorage } from './step-storage';
import { initialState, STEPS, stepOfField, toSpec, type StepId, type WizardState } from './wizard-state';

export function CreateWizard({ options }: { options: WizardOptions }) {
  const router = useRouter();
  const [s, setState] = useState<WizardState>({ ...initialState, pool: options.pools.find((p) => p.active)?.name ?? '' });
  const [step, setStep] = useState<StepId>('source');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [plan, setPlan] = useState<PlanPreview | null>(null);
  const [xml, setXml] = useState('');
  const [busy, setBusy] = useState(false);
  const set = useCallback((patch: Partial<WizardState>) => {
    setState((prev) => ({ ...prev, ...patch }));
    setPlan(null);
  }, []);

  const fail = (e: unknown) => {
    if (e instanceof ApiError && Object.keys(e.fields).length) {
      setErrors(e.fields);
      setMessage(e.message);
      setStep(stepOfField(Object.keys(e.fields)[0]!));
    } else setMessage((e as Error).message);
  };

  const review = async () => {
    setStep('review');
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const p = await api<PlanPreview>('/api/provisioning/plan', { body: toSpec(s) });
      setPlan(p);
      setXml(p.xml);
    } catch (e) {
      setPlan(null);
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const create = async () => {
    if (!plan) return;
    setBusy(true);
    setMessage(null);
    try {
      const body = { ...toSpec(s), identity: plan.identity, ...(xml !== plan.xml ? { xml } : {}) };
      const { jobId } = await api<{ jobId: string }>('/api/vms', { body });
      router.push(`/jobs/${jobId}${s.start && s.openConsole ? '?then=console' : ''}`);
    } catch (e) {
      fail(e);
      setBusy(false);
    }
  };

  const index = STEPS.findIndex((x) => x.id === step);
  const go = (id: StepId) => (id === 'review' ? void review() : setStep(id));
  const props = { s, set, options, errors };
  const hasError = (id: StepId) => Object.keys(errors).some((k) => stepOfField(k) === id);

  return (
    <div className="space-y-4">
      <nav aria-label="Wizard steps" className="flex flex-wrap gap-1">
        {STEPS.map((x, i) => (
          <button key={x.id} type="button" onClick={() => go(x.id)} aria-current={x.id === step ? 'step' : undefined}
            className={`rounded-full px-3 py-1 text-xs ${x.id === step ? 'bg-sky-700 text-white' : hasError(x.id) ? 'bg-red-100 text-red-800' : 'bg-slate-100 text-slate-700'}`}>
            {i + 1}. {x.label}{hasError(x.id) ? ' ⚠' : ''}
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
        <Button disabled={index === 0 || busy} onClick={() => go(STEPS[index - 1]!.id)}>Back</Button>
        {step !== 'review'
          ? <Button variant="primary" disabled={busy} onClick={() => go(STEPS[index + 1]!.id)}>Next</Button>
          : <Button variant="primary" disabled={busy || !plan} onClick={() => void create()}>Create virtual machine</Button>}
      </div>
    </div>
  );
}
