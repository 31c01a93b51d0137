import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export function Section({ title, testId, actions, children }: { title: string; testId: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} data-testid={testId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{title}</h2>
        <div className="ml-auto flex gap-2">{actions}</div>
      </div>
      {children}
    </section>
  );
}

/** A bordered sub-form inside a section, with its own heading. */
export function SubForm({ title, testId, onSubmit, children }: { title: string; testId: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      noValidate
      aria-label={title}
      data-testid={testId}
      className="space-y-3 rounded-md border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 className="text-sm font-medium text-slate-800">{title}</h3>
      {children}
    </form>
  );
}

export function Facts({ items, testId }: { items: [string, ReactNode][]; testId?: string }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 md:grid-cols-2" data-testid={testId}>
      {items.map(([k, v]) => (
        <div key={k} className="flex gap-2">
          <dt className="w-40 shrink-0 text-slate-500">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A section of an amount the guest has twice, running and at next boot (memory, vCPUs): what the running guest has
 * now, what the next boot gives out of the maximum, the section's other facts, then its forms side by side. The
 * facts are test id `{testPrefix}-facts`, the two amounts `{testPrefix}-live` and `{testPrefix}-persistent`.
 */
export function AmountSection({
  title,
  testId,
  testPrefix,
  liveLabel,
  live,
  current,
  maximum,
  more,
  children,
}: {
  title: string;
  testId: string;
  testPrefix: string;
  liveLabel: string;
  /** What the running guest has; null while it is shut off. */
  live: ReactNode | null;
  current: ReactNode;
  maximum: ReactNode;
  more: [string, ReactNode][];
  children: ReactNode;
}) {
  return (
    <Section title={title} testId={testId}>
      <Facts
        testId={`${testPrefix}-facts`}
        items={[
          [liveLabel, live === null ? 'shut off' : <span data-testid={`${testPrefix}-live`}>{live}</span>],
          [
            'At next boot',
            <span key="next" data-testid={`${testPrefix}-persistent`}>
              {current} of {maximum} (maximum)
            </span>,
          ],
          ...more,
        ]}
      />
      <div className="grid gap-3 lg:grid-cols-2">{children}</div>
    </Section>
  );
}

/** Edit… and Remove… for one device row, named for assistive tech by what and which ("Edit disk vda"). */
export function DeviceActions({ what, id, onEdit, onRemove }: { what: string; id: string; onEdit: () => void; onRemove: () => void }) {
  return (
    <span className="inline-flex gap-1">
      <Button className="px-2 py-0.5 text-xs" aria-label={`Edit ${what} ${id}`} onClick={onEdit}>
        Edit…
      </Button>
      <Button className="px-2 py-0.5 text-xs" aria-label={`Remove ${what} ${id}`} onClick={onRemove}>
        Remove…
      </Button>
    </span>
  );
}
