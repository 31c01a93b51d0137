import Link from 'next/link';
import type { Readiness } from '@/lib/host/readiness-report';
import type { HostMemory } from '@/lib/host/memory';
import { Alert } from '@/components/ui/alert';
import { HostMemoryText } from './host-memory';
import { ReadinessChecks } from './readiness-checks';
import { ReadinessFactsView } from './readiness-facts';
import { ReadinessPill } from './readiness-pill';
import { ReadinessText } from './readiness-text';

function DomainType({ domainType }: { domainType: Readiness['domainType'] }) {
  const kvm = domainType.type === 'kvm';
  return (
    <section
      data-testid="readiness-domain-type"
      data-type={domainType.type}
      className={`rounded-lg border p-4 ${kvm ? 'border-emerald-300 bg-emerald-50' : 'border-amber-300 bg-amber-50'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">New guests use: {kvm ? 'KVM (hardware virtualization)' : 'QEMU emulation (TCG)'}</h2>
        <code className="rounded bg-white/70 px-1.5 py-0.5 text-xs">domain type=&apos;{domainType.type}&apos;</code>
        {domainType.forced ? (
          <span data-testid="emulation-forced" className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
            forced by VIREO_FORCE_EMULATION
          </span>
        ) : null}
      </div>
      <p className={`mt-1 text-sm ${kvm ? 'text-emerald-900' : 'text-amber-900'}`}>
        <ReadinessText text={domainType.reason} />
      </p>
    </section>
  );
}

export function ReadinessView({ readiness, memory }: { readiness: Readiness; memory?: HostMemory | null }) {
  const probed = new Date(readiness.probedAt);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            Virtualization readiness <ReadinessPill status={readiness.overall} testId="readiness-overall" />
          </h1>
          <p className="mt-1 font-medium" data-testid="readiness-headline">
            <ReadinessText text={readiness.headline} />
          </p>
          <p className="text-sm text-slate-600">
            What KVM can do for guests on this host.{' '}
            {memory ? (
              <span data-testid="readiness-host-memory">
                Host memory: <HostMemoryText memory={memory} />.{' '}
              </span>
            ) : null}{' '}
            Probed at <time dateTime={readiness.probedAt}>{probed.toLocaleTimeString('en-GB')}</time>; answers are reused for a minute.
          </p>
        </div>
        <Link
          href="?refresh=1"
          prefetch={false}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100"
        >
          Probe again
        </Link>
      </div>
      <DomainType domainType={readiness.domainType} />
      <Alert tone="info" testId="self-test-note">
        {readiness.selfTestNote}
      </Alert>
      <ReadinessChecks checks={readiness.checks} />
      {readiness.facts ? (
        <ReadinessFactsView facts={readiness.facts} probeMs={readiness.probeMs} />
      ) : (
        <Alert tone="warning">No KVM facts to show: the probe could not run (see the failed check above).</Alert>
      )}
    </div>
  );
}
