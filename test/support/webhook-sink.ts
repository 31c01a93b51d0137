// A loopback HTTP receiver for webhook notifications in tests: records every POST (headers and body) and answers
// with the statuses it is told to (e.g. 503 first, to exercise retries), then 200.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Arrivals } from './arrivals';

export interface SunkHook {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the sink answered. */
  status: number;
}

export interface WebhookSink {
  url: string;
  hooks: SunkHook[];
  /** Statuses for the next requests, in order; after them every request gets 200. */
  answerNext(...statuses: number[]): void;
  waitFor(match: (h: SunkHook, json: unknown) => boolean, timeoutMs?: number): Promise<SunkHook>;
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const hooks = new Arrivals<SunkHook>();
  const queue: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = queue.shift() ?? 200;
      hooks.add({ at: Date.now(), path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    hooks: hooks.items,
    answerNext: (...statuses) => queue.push(...statuses),
    waitFor: (match, timeoutMs = 60_000) =>
      hooks.waitFor(
        (all) => all.find((h) => h.status === 200 && match(h, JSON.parse(h.body))),
        timeoutMs,
        (all) => `no matching webhook within ${timeoutMs} ms; got ${all.map((h) => h.body.slice(0, 200)).join('\n')}`,
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
