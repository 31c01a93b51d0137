import type { CheckStatus } from '@/lib/kvm';

const tone: Record<CheckStatus, string> = {
  pass: 'bg-emerald-100 text-emerald-800',
  warn: 'bg-amber-100 text-amber-800',
  fail: 'bg-red-100 text-red-800',
};

export function ReadinessPill({ status, testId }: { status: CheckStatus; testId?: string }) {
  return (
    <span data-testid={testId} data-status={status} className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${tone[status]}`}>
      {status}
    </span>
  );
}
