'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * A page's tab kept in its address (?tab=hardware), so a reload, a bookmark or a shared link opens the same tab.
 * Switching replaces the history entry rather than adding one, and asks the server for nothing: Next keeps
 * useSearchParams in step with history.replaceState, when it is given no state of its own (a state object
 * carrying Next's markers reads as Next's own call and is not followed).
 */
export function useUrlTab<T extends string>(tabs: readonly T[], first: T, param = 'tab'): [T, (tab: T) => void] {
  const params = useSearchParams();
  const path = usePathname();
  const asked = params.get(param);
  const tab = tabs.find((t) => t === asked) ?? first;
  const choose = useCallback(
    (next: T) => {
      const q = new URLSearchParams(window.location.search);
      if (next === first) q.delete(param);
      else q.set(param, next);
      const search = q.toString();
      window.history.replaceState(null, '', `${path}${search ? `?${search}` : ''}${window.location.hash}`);
    },
    [first, param, path],
  );
  return [tab, choose];
}
