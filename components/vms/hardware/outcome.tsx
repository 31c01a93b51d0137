import type { Problem } from '@/components/data/problem';
import type { ChangeOutcome, HalfOutcome } from '@/components/data/types';
import { ProblemNote } from '@/components/ui/problem-note';

// What a save did, in plain words: which halves took effect, and libvirt's reason for a refused half.

function headline(o: ChangeOutcome): { tone: 'ok' | 'partial' | 'none'; text: string } {
  const { live, persistent } = o;
  const reason = (h: HalfOutcome) => (h.status === 'refused' ? h.reason : '');
  if (live.status === 'pending') {
    const text = 'Removal requested: the running guest has not released it yet.';
    return { tone: 'partial', text: persistent.status === 'applied' ? `Removed for next boot. ${text}` : text };
  }
  if (live.status === 'applied' && persistent.status === 'applied') return { tone: 'ok', text: 'Applied live and for next boot.' };
  if (live.status === 'applied' && persistent.status === 'not-requested')
    return { tone: 'ok', text: 'Applied live only; the next boot uses the saved definition.' };
  if (live.status === 'not-requested' && persistent.status === 'applied') return { tone: 'ok', text: 'Saved for next boot; the running guest is unchanged.' };
  if (live.status === 'refused' && persistent.status === 'applied')
    return { tone: 'partial', text: `Saved for next boot; live change refused: ${reason(live)}` };
  if (live.status === 'applied' && persistent.status === 'refused')
    return { tone: 'partial', text: `Applied live; saving for next boot refused: ${reason(persistent)}` };
  if (live.status === 'refused' && persistent.status === 'refused')
    return { tone: 'none', text: `Nothing changed. Live: ${reason(live)} Next boot: ${reason(persistent)}` };
  if (live.status === 'refused') return { tone: 'none', text: `Live change refused: ${reason(live)}` };
  if (persistent.status === 'refused') return { tone: 'none', text: `Saving for next boot refused: ${reason(persistent)}` };
  return { tone: 'ok', text: 'Nothing to change.' };
}

const TONES = {
  ok: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  partial: 'border-amber-300 bg-amber-50 text-amber-900',
  none: 'border-red-300 bg-red-50 text-red-900',
} as const;

export function OutcomeNote({ outcome }: { outcome: ChangeOutcome }) {
  const h = headline(outcome);
  return (
    <div
      role="status"
      data-testid="change-outcome"
      data-tone={h.tone}
      data-live={outcome.live.status}
      data-persistent={outcome.persistent.status}
      className={`rounded-md border px-3 py-2 text-sm ${TONES[h.tone]}`}
    >
      <p className="font-medium" data-testid="change-outcome-headline">
        {h.text}
      </p>
      {outcome.summary ? <p className="mt-0.5 text-xs opacity-90">{outcome.summary}</p> : null}
    </div>
  );
}

/** What the last save of a form did: libvirt's refusal, or which halves took effect. */
export function ChangeResult({ outcome, problem }: { outcome: ChangeOutcome | null; problem: Problem | null }) {
  if (problem) return <ProblemNote problem={problem} />;
  if (outcome) return <OutcomeNote outcome={outcome} />;
  return null;
}
