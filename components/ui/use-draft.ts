'use client';

import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * Form state that starts from what the server said and starts over when the server says something new (a save
 * answered with a new view, another client changed it): the edit follows the data without an effect.
 * `source` is compared by identity; cached answers keep theirs while their content is unchanged.
 */
export function useDraft<S, T>(source: S, init: (source: S) => T): [T, Dispatch<SetStateAction<T>>] {
  const [state, setState] = useState(() => ({ source, draft: init(source) }));
  let current = state;
  if (!Object.is(state.source, source)) {
    current = { source, draft: init(source) };
    setState(current);
  }
  const set = useCallback((next: SetStateAction<T>) => {
    setState((s) => ({ ...s, draft: typeof next === 'function' ? (next as (prev: T) => T)(s.draft) : next }));
  }, []);
  return [current.draft, set];
}

/** A draft form of several fields, set one at a time: `set('name', value)`. */
export function useDraftFields<S, T extends object>(source: S, init: (source: S) => T): [T, <K extends keyof T>(k: K, value: T[K]) => void] {
  const [draft, setDraft] = useDraft(source, init);
  const set = useCallback(<K extends keyof T>(k: K, value: T[K]) => setDraft((p) => ({ ...p, [k]: value })), [setDraft]);
  return [draft, set];
}
