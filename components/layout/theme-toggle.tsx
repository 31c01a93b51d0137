'use client';

import { useSyncExternalStore } from 'react';
import { themeAttribute, themeCookie, type ThemeChoice } from './theme';

// The theme menu of the top bar. The choice is the root's data-theme (the server rendered it from the cookie):
// changing it re-colours the page at once (app/theme.css) and the cookie keeps it for the next page load.

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

function current(): ThemeChoice {
  const t = document.documentElement.dataset.theme;
  return t === 'light' || t === 'dark' ? t : 'system';
}

function choose(choice: ThemeChoice): void {
  const attr = themeAttribute(choice);
  if (attr) document.documentElement.dataset.theme = attr;
  else delete document.documentElement.dataset.theme;
  document.cookie = themeCookie(choice, window.location.protocol === 'https:');
  for (const l of listeners) l();
}

export function ThemeToggle({ className = '' }: { className?: string }) {
  // On the server (and while hydrating) the menu says "system"; the real choice follows on the first client render.
  const choice = useSyncExternalStore(subscribe, current, () => 'system' as const);
  return (
    <select
      aria-label="Theme"
      data-testid="theme-toggle"
      value={choice}
      onChange={(e) => choose(e.target.value as ThemeChoice)}
      className={`rounded border border-ink-700 bg-ink-900 px-1.5 py-1 text-xs text-ink-100 ${className}`}
    >
      <option value="system">System theme</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  );
}
