import { type ClientOptions, connect } from '../client';
import type { LibvirtClient } from '../client';

/** Connects once (no reconnecting), runs `body`, closes; returns the error instead of throwing it. */
export async function attemptConnect(uri: string, opts: ClientOptions, body?: (c: LibvirtClient) => Promise<void>): Promise<unknown> {
  let client: LibvirtClient | undefined;
  try {
    client = await connect(uri, { ...opts, reconnect: false });
    await body?.(client);
    return undefined;
  } catch (err) {
    return err;
  } finally {
    await client?.close();
  }
}

/** Times `count` connects (dial + libvirt handshake) in a row; returns milliseconds, sorted. */
export async function connectTimes(uri: string, opts: ClientOptions, count = 5): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const c = await connect(uri, { ...opts, reconnect: false });
    samples.push(performance.now() - t);
    await c.close();
  }
  return samples.sort((a, b) => a - b);
}

export const describeTimes = (label: string, ms: number[]) =>
  `${label} connect (dial + handshake), ms: median ${ms[ms.length >> 1]?.toFixed(0)}, min ${ms[0]?.toFixed(0)}, max ${ms.at(-1)?.toFixed(0)}`;
