import { afterAll, describe, expect, it } from 'vitest';
import { testHost } from '@/test/support/test-host';
import { fleetEventStream } from './live-feed';

// The inventory of every host in one stream: each host feeds on its own, so a host that is down (nothing listens
// on its port) or slow delays only its own rows; the others' snapshots arrive at once.

const up = testHost();
const down = testHost('qemu+tcp://127.0.0.1:9/system', undefined, 'down');

afterAll(async () => {
  await up.close();
  await down.close();
});

interface Tagged {
  event: string;
  host: string;
  data: unknown;
}

async function collectUntil(stream: ReadableStream<Uint8Array>, done: (seen: Tagged[]) => boolean, ms: number): Promise<Tagged[]> {
  const reader = stream.getReader();
  const seen: Tagged[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + ms;
  while (!done(seen) && Date.now() < deadline) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value);
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) seen.push({ event, ...(JSON.parse(data) as { host: string; data: unknown }) });
    }
  }
  reader.releaseLock();
  return seen;
}

describe('the fleet feed', () => {
  it('tags every event with its host, and a down host does not hold back the others', async () => {
    const abort = new AbortController();
    const t0 = performance.now();
    const seen = await collectUntil(
      fleetEventStream([down, up], abort.signal),
      (s) => s.some((e) => e.host === 'test' && e.event === 'snapshot') && s.some((e) => e.host === 'down' && e.event === 'status'),
      20_000,
    );
    abort.abort();
    const snapshot = seen.find((e) => e.host === 'test' && e.event === 'snapshot');
    expect(snapshot, JSON.stringify(seen)).toBeDefined();
    expect(Array.isArray(snapshot!.data)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(seen.filter((e) => e.host === 'down').every((e) => e.event === 'status')).toBe(true);
    expect(seen.find((e) => e.host === 'down')!.data).toMatchObject({ host: 'down' });
  });
});
