import type { ReadinessRow } from '@/lib/host/readiness-report';
import { ReadinessPill } from './readiness-pill';
import { ReadinessText } from './readiness-text';

export function ReadinessChecks({ checks }: { checks: ReadinessRow[] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white">
      <h2 className="border-b border-slate-200 px-4 py-2 font-semibold">Checks</h2>
      <ul className="divide-y divide-slate-100" data-testid="readiness-checks">
        {checks.map((c) => (
          <li key={c.id} data-testid={`check-${c.id}`} className="grid gap-2 px-4 py-3 md:grid-cols-[16rem_1fr]">
            <div className="flex items-start justify-between gap-2 md:justify-start">
              <span className="font-medium">{c.title}</span>
              <ReadinessPill status={c.status} testId={`check-status-${c.id}`} />
            </div>
            <div className="space-y-1 text-sm">
              <p className="text-slate-800">
                <ReadinessText text={c.detail} />
              </p>
              <p className="text-slate-600">
                <span className="font-medium text-slate-700">For guests: </span>
                {c.impact}
              </p>
              {c.status !== 'pass' && c.fix ? (
                <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1 text-slate-800" data-testid={`check-fix-${c.id}`}>
                  <span className="font-medium">How to fix: </span>
                  <ReadinessText text={c.fix} />
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
