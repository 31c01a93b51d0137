// A loopback HTTP server for image downloads in tests: serves files with their length, optionally throttled
// (to cancel or interrupt a download mid-way), and counts requests (to prove a cached image is not fetched).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The server listens on loopback, where image downloads refuse to go by default (SSRF): a test that downloads from
 * it allows it explicitly, as VIREO_IMAGE_ALLOW (servers, jobs) or as DownloadOptions.allow.
 */
export const FIXTURE_IMAGE_ALLOW = '127.0.0.1';
export const fixtureAllowList = [{ kind: 'cidr' as const, cidr: '127.0.0.1/32' }];

export interface ServeOptions {
  /** Throttle the body to about this rate. */
  bytesPerSecond?: number;
  /** Leave out Content-Length (chunked), as some servers do. */
  noLength?: boolean;
}

export interface HttpFixtureServer {
  url(name: string): string;
  serve(name: string, file: string, opts?: ServeOptions): void;
  /** Serves text (e.g. a SHA256SUMS file). */
  serveText(name: string, text: string): void;
  requests(name: string): number;
  close(): Promise<void>;
}

function throttle(bytesPerSecond: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const parts: Buffer[] = [];
      for (let i = 0; i < chunk.length; i += 16 * 1024) parts.push(chunk.subarray(i, i + 16 * 1024));
      const push = () => {
        const part = parts.shift();
        if (!part) return done();
        this.push(part);
        setTimeout(push, (part.length / bytesPerSecond) * 1000);
      };
      push();
    },
  });
}

export async function startHttpFixtureServer(init: { files?: Record<string, string> } = {}): Promise<HttpFixtureServer> {
  const routes = new Map<string, { file?: string; text?: string; opts: ServeOptions }>();
  const counts = new Map<string, number>();
  for (const [name, file] of Object.entries(init.files ?? {})) routes.set(name, { file, opts: {} });
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').replace(/^\/+/, '').split('?')[0]!);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const route = routes.get(name);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    if (route.text !== undefined) {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(route.text) }).end(route.text);
      return;
    }
    void (async () => {
      const { size } = await stat(route.file!);
      res.writeHead(200, { 'content-type': 'application/octet-stream', ...(route.opts.noLength ? {} : { 'content-length': size }) });
      const source = createReadStream(route.file!);
      await (route.opts.bytesPerSecond ? pipeline(source, throttle(route.opts.bytesPerSecond), res) : pipeline(source, res));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    serve: (name, file, opts = {}) => void routes.set(name, { file, opts }),
    serveText: (name, text) => void routes.set(name, { text, opts: {} }),
    requests: (name) => counts.get(name) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
