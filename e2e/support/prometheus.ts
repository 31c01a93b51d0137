import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server';

// Debian's Prometheus on loopback with a throw-away config and data directory, scraping one target with a bearer
// token: the real consumer of GET /metrics. The token sits in a file Prometheus re-reads at every scrape.

export interface PrometheusRun {
  url: string;
  /** PromQL instant query; the vector's samples as numbers by their labels. */
  query: (promql: string) => Promise<{ metric: Record<string, string>; value: number }[]>;
  /** The scrape target's health and last error, as Prometheus reports them. */
  target: () => Promise<{ health: string; lastError: string } | null>;
  output: () => string;
  stop: () => Promise<void>;
}

export interface PrometheusOptions {
  /** e.g. http://127.0.0.1:3000 */
  target: string;
  token: string;
  scrapeSeconds?: number;
}

export async function startPrometheus(opts: PrometheusOptions): Promise<PrometheusRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vireo-prometheus-'));
  const port = await freePort();
  const target = new URL(opts.target);
  const every = `${opts.scrapeSeconds ?? 2}s`;
  await writeFile(path.join(dir, 'token'), opts.token, { mode: 0o600 });
  await writeFile(
    path.join(dir, 'prometheus.yml'),
    [
      'global:',
      `  scrape_interval: ${every}`,
      `  scrape_timeout: ${every}`,
      'scrape_configs:',
      '  - job_name: vireo',
      '    metrics_path: /metrics',
      `    scheme: ${target.protocol.replace(':', '')}`,
      '    authorization:',
      '      type: Bearer',
      `      credentials_file: ${path.join(dir, 'token')}`,
      // The test server's certificate is its own self-signed one.
      '    tls_config:',
      '      insecure_skip_verify: true',
      '    static_configs:',
      `      - targets: ['${target.host}']`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    'prometheus',
    [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${out}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => out,
    stop,
    async query(promql) {
      const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
      const body = (await res.json()) as { status: string; error?: string; data?: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      if (body.status !== 'success') throw new Error(`PromQL ${promql}: ${body.error}`);
      return body.data!.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    async target() {
      const body = (await (await fetch(`${url}/api/v1/targets`)).json()) as { data: { activeTargets: { health: string; lastError: string }[] } };
      return body.data.activeTargets[0] ?? null;
    },
  };
}
