'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether a media query matches now, kept current. On the server, and while hydrating, it answers `serverValue`,
 * so the first client render matches the HTML; the real answer follows at once.
 */
export function useMediaQuery(query: string, serverValue = false): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', onChange);
      return () => m.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}
