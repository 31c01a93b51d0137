// One alert's life, decided per evaluation: a condition that starts to hold makes it pending; still holding after
// the rule's "for" it fires; no longer holding it resolves (a pending one that clears before firing is dropped,
// having told nobody). Flapping faster than "for" therefore never fires. Pure: the engine persists and notifies.

export interface Track {
  state: 'pending' | 'firing';
  /** When the condition started to hold (ms). */
  activeAt: number;
  /** When it fired (ms); set while firing. */
  firedAt: number | null;
}

/** true: the condition holds; false: it does not; null: no data this round (keep whatever was). */
export type Verdict = boolean | null;

export type Transition = 'pending' | 'firing' | 'resolved' | 'cleared' | null;

export interface Step {
  next: Track | null;
  transition: Transition;
}

export function step(track: Track | null, verdict: Verdict, at: number, forMs: number): Step {
  if (verdict === null) return { next: track, transition: null };
  if (!verdict) {
    if (!track) return { next: null, transition: null };
    return { next: null, transition: track.state === 'firing' ? 'resolved' : 'cleared' };
  }
  if (!track) {
    if (forMs <= 0) return { next: { state: 'firing', activeAt: at, firedAt: at }, transition: 'firing' };
    return { next: { state: 'pending', activeAt: at, firedAt: null }, transition: 'pending' };
  }
  if (track.state === 'pending' && at - track.activeAt >= forMs) return { next: { ...track, state: 'firing', firedAt: at }, transition: 'firing' };
  return { next: track, transition: null };
}
