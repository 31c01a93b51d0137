import { describe, expect, it } from 'vitest';
import { step, type Track, type Verdict } from './state-machine';

/** Runs verdicts at 10 s steps from t = 0 and lists the transitions with their times (s). */
function run(verdicts: Verdict[], forS: number): string[] {
  let track: Track | null = null;
  const out: string[] = [];
  verdicts.forEach((v, i) => {
    const r = step(track, v, i * 10_000, forS * 1000);
    track = r.next;
    if (r.transition) out.push(`${r.transition}@${i * 10}`);
  });
  return out;
}

describe('alert state machine', () => {
  it('goes pending, fires once "for" has passed, and resolves when the condition stops', () => {
    expect(run([false, true, true, true, true, false, false], 30)).toEqual(['pending@10', 'firing@40', 'resolved@50']);
  });

  it('fires at once with no "for"', () => {
    expect(run([true, true, false], 0)).toEqual(['firing@0', 'resolved@20']);
  });

  it('never fires when the condition flaps faster than "for", and tells nobody when a pending alert clears', () => {
    expect(run([true, false, true, false, true, true, false], 30)).toEqual(['pending@0', 'cleared@10', 'pending@20', 'cleared@30', 'pending@40', 'cleared@60']);
  });

  it('counts "for" from when the condition started to hold, not from the last round', () => {
    const first = step(null, true, 1000, 20_000);
    expect(first.next).toEqual({ state: 'pending', activeAt: 1000, firedAt: null });
    expect(step(first.next, true, 20_999, 20_000).transition).toBeNull();
    expect(step(first.next, true, 21_000, 20_000)).toEqual({ next: { state: 'firing', activeAt: 1000, firedAt: 21_000 }, transition: 'firing' });
  });

  it('keeps its state through rounds without data (a VM whose rates are not known yet)', () => {
    expect(run([true, null, null, true, null, false], 20)).toEqual(['pending@0', 'firing@30', 'resolved@50']);
    expect(step(null, null, 0, 0)).toEqual({ next: null, transition: null });
  });

  it('fires again after resolving when the condition returns', () => {
    expect(run([true, false, true], 0)).toEqual(['firing@0', 'resolved@10', 'firing@20']);
  });
});
