import { afterEach, describe, expect, it } from 'vitest';
import { KvmError } from '@/lib/kvm';
import { healthyReport } from '@/lib/kvm/test-support/fixtures';
import { cachedProbe, clearProbeCache } from './readiness-probe';

afterEach(clearProbeCache);

function counting(result: () => Promise<ReturnType<typeof healthyReport>>) {
  const calls = { n: 0 };
  return {
    calls,
    prober: () => {
      calls.n++;
      return result();
    },
  };
}

describe('cachedProbe', () => {
  it('reuses one answer within the TTL and probes again after it', async () => {
    let clock = 1_000;
    const { calls, prober } = counting(async () => healthyReport());
    const opts = { prober, now: () => clock, ttlMs: 60_000 };
    const first = await cachedProbe(opts);
    clock += 59_999;
    expect(await cachedProbe(opts)).toBe(first);
    expect(calls.n).toBe(1);
    clock += 1;
    expect(await cachedProbe(opts)).not.toBe(first);
    expect(calls.n).toBe(2);
  });

  it('shares one run between concurrent callers', async () => {
    const { calls, prober } = counting(() => new Promise((r) => setTimeout(() => r(healthyReport()), 20)));
    const [a, b] = await Promise.all([cachedProbe({ prober }), cachedProbe({ prober })]);
    expect(a).toBe(b);
    expect(calls.n).toBe(1);
  });

  it('probes again when asked for a fresh answer', async () => {
    const { calls, prober } = counting(async () => healthyReport());
    await cachedProbe({ prober });
    await cachedProbe({ prober, fresh: true });
    expect(calls.n).toBe(2);
  });

  it('turns a failed probe into an outcome instead of rejecting', async () => {
    const error = new KvmError({ code: 'ENOENT', errno: 2, syscall: 'open', devicePath: '/dev/kvm', detail: 'No such file or directory' });
    const outcome = await cachedProbe({ prober: () => Promise.reject(error) });
    expect(outcome.report).toBeNull();
    expect(outcome.error).toBe(error);
    expect(outcome.probedAt).toBeInstanceOf(Date);
  });
});
