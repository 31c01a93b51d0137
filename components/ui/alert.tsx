import type { ReactNode } from 'react';

const tones = {
  error: 'border-red-300 bg-red-50 text-red-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  info: 'border-sky-300 bg-sky-50 text-sky-900',
} as const;

/** A message in a box; with nothing to say (null, false, ''), nothing at all, so a message kept in state is shown as it is. */
export function Alert({ tone = 'error', children, testId }: { tone?: keyof typeof tones; children: ReactNode; testId?: string }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} data-testid={testId} className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
