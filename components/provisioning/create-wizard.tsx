'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { Problem } from '@/components/data/problem';
import type { Placement, WizardOptions } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StepCloudInit } from './step-cloud-init';
import { StepHost } from './step-host';
import { StepNetwork } from './step-network';
import { StepOs } from './step-os';
import { StepResources } from './step-resources';
import { StepReview, type PlanPreview } from './step-review';
import { StepSource } from './step-source';
import { StepStorage } from './step-storage';
import { initialState, placementBody, STEPS, stepOfField, toSpec, type StepId, type WizardState } from './wizard-state';

// The create wizard. Each Next asks the server to check the settings so far (POST /api/provisioning/check), so a
// problem shows on the step that has it, in plain words, before the user moves on; the review step shows the
// whole plan (POST /api/provisioning/plan) and Create starts the job. The review and the job are on the host the
// host step settled (placement's pick or the one chosen), which need not be the host the wizard was opened on: a
// chosen host that breaks the placement rules is refused there, with the reasons.

/** Where the reviewed plan is to be created, and why there. */
interface Target {
  id: string;
  name: string;
  why: string;
}

/** Settings that do not change what is defined: changing them keeps the reviewed plan. */
const KEEPS_PLAN = new Set<keyof WizardState>(['start', 'openConsole']);

export function CreateWizard({ options, initial }: { options: WizardOptions; initial?: WizardState }) {
  const host = useHostId();
  const router = useRouter();
  const [s, setState] = useState<WizardState>(() => {
    const start = initial ?? { ...initialState, pool: options.pools.find((p) => p.active)?.name ?? '' };
    return { ...start, targetHost: start.targetHost || host };
  });
  const [target, setTarget] = useState<Target | null>(null);
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

  /**
   * The host to review and create on: placement's pick, or the chosen host if it fits; else why not. Settings
   * placement cannot judge yet go to the chosen host's plan, which says what is wrong with them.
   */
  const settleHost = async (): Promise<{ target: Target; refused: string | null }> => {
    const chosen = s.targetHost || host;
    const byHand = { id: chosen, name: chosen, why: 'chosen by hand' };
    const placed = await send<Placement>(keys.placement, { body: placementBody(s) });
    if (!placed.ok) return { target: byHand, refused: null };
    const p = placed.data;
    const id = s.hostChoice === 'auto' ? p.chosen?.id : chosen;
    const verdict = p.hosts.find((v) => v.host.id === id);
    if (id && verdict?.fits) return { target: { id, name: verdict.host.name, why: s.hostChoice === 'auto' ? p.reason : 'chosen by hand' }, refused: null };
    return {
      target: byHand,
      refused: !id ? p.reason : verdict ? `${verdict.host.name} does not fit this VM: ${verdict.reasons.join('; ')}.` : `There is no host "${id}".`,
    };
  };

  const review = async () => {
    setStep('review');
    setErrors({});
    setMessage(null);
    setPlan(null);
    const { target: settled, refused } = await settleHost();
    const r = await send<PlanPreview>(keys.provisioning(settled.id, 'plan'), { body: toSpec(s) });
    // A setting the plan refuses is shown on its own step first: fixing it may well make a host fit.
    if (!r.ok) return fail(r.problem);
    if (refused) {
      setMessage(refused);
      setErrors({ host: refused });
      setStep('host');
      return;
    }
    setTarget(settled);
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
    if (!plan || !target) return;
    setMessage(null);
    const body = { ...toSpec(s), identity: plan.identity, ...(xml !== plan.xml ? { xml } : {}) };
    const r = await send<{ jobId: string }>(keys.vms(target.id), { body });
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
      <Alert testId="wizard-error">{message}</Alert>
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={`Step ${index + 1}: ${STEPS[index]!.label}`}>
        <h2 className="mb-3 font-semibold">{STEPS[index]!.label}</h2>
        {step === 'source' ? <StepSource {...props} /> : null}
        {step === 'os' ? <StepOs {...props} /> : null}
        {step === 'resources' ? <StepResources {...props} /> : null}
        {step === 'storage' ? <StepStorage {...props} /> : null}
        {step === 'network' ? <StepNetwork {...props} /> : null}
        {step === 'cloud-init' ? <StepCloudInit {...props} /> : null}
        {step === 'host' ? <StepHost {...props} /> : null}
        {step === 'review' && target ? (
          <p className="mb-3 text-sm" data-testid="wizard-target">
            On host <strong>{target.name}</strong> ({target.why})
          </p>
        ) : null}
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
