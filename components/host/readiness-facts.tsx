import { Fact } from './fact';
import type { ReadinessFacts } from '@/lib/host/readiness-report';

function nestedText(n: ReadinessFacts['nested']): string {
  if (!n.module) return `unknown (loaded: ${n.kvmModules.join(', ') || 'no kvm modules'})`;
  return `${n.enabled === true ? 'on' : n.enabled === false ? 'off' : 'unknown'} (${n.module})`;
}

function selfTestText(t: ReadinessFacts['selfTest']): string {
  if (!t) return 'not run';
  if (t.ok) return `passed in ${t.durationMs.toFixed(1)} ms (${t.exitReason} then ${t.secondExitReason})`;
  return `failed${t.timedOut ? ' (timed out)' : ''} after ${t.durationMs.toFixed(1)} ms: ${t.problem ?? 'unknown reason'}`;
}

export function ReadinessFactsView({ facts, probeMs }: { facts: ReadinessFacts; probeMs: number | null }) {
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="readiness-facts">
      <h2 className="font-semibold">What KVM offers</h2>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Fact label="Device">{facts.devicePath}</Fact>
        <Fact label="KVM API version" testId="fact-api-version">
          {facts.apiVersion}
        </Fact>
        <Fact label="vCPUs per VM" testId="fact-vcpus">
          {facts.maxVcpus} max, {facts.recommendedVcpus} recommended
        </Fact>
        <Fact label="Memory slots" testId="fact-memslots">
          {facts.memorySlots}
        </Fact>
        <Fact label="Nested virtualization" testId="fact-nested">
          {nestedText(facts.nested)}
        </Fact>
        <Fact label="Self-test" testId="fact-self-test">
          {selfTestText(facts.selfTest)}
        </Fact>
        <Fact label="Whole probe">{probeMs === null ? '—' : `${probeMs.toFixed(1)} ms`}</Fact>
        <Fact label="CPU features for guests">{facts.cpuFeatures.length}</Fact>
      </dl>
      <div>
        <h3 className="mb-1 text-xs uppercase text-slate-500">CPU features KVM offers guests</h3>
        <ul className="flex flex-wrap gap-1" data-testid="fact-cpu-features">
          {facts.cpuFeatures.map((f) => (
            <li key={f} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
              {f}
            </li>
          ))}
        </ul>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Kernel capabilities ({facts.capabilities.length} checked)</summary>
        <table className="mt-2 w-full text-left">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1 pr-3">Capability</th>
              <th className="py-1 pr-3">Value</th>
              <th className="py-1">Meaning</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {facts.capabilities.map((c) => (
              <tr key={c.name}>
                <td className="py-1 pr-3 font-mono text-xs">{c.name}</td>
                <td className={`py-1 pr-3 ${c.value ? '' : 'text-red-700'}`}>{c.value || 'absent'}</td>
                <td className="py-1 text-slate-600">{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
