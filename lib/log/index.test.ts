import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, openLog } from './index';

const dirs: string[] = [];
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vireo-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, sinks: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe('openLog', () => {
  it('writes JSON lines to <data dir>/vireo.log (0600) and readable lines to the console', async () => {
    const dir = await dataDir();
    const c = capture();
    const logger = openLog({ dataDir: dir, console: c.sinks });
    logger.info('setup code: ABCD-EFGH-JKLM');
    logger.warn({ kind: 'vnc' }, 'refused');
    expect(c.out).toEqual([expect.stringMatching(/^\S+Z INFO setup code: ABCD-EFGH-JKLM$/)]);
    expect(c.err).toEqual([expect.stringMatching(/^\S+Z WARN refused \(kind=vnc\)$/)]);
    const file = path.join(dir, 'vireo.log');
    const lines = await vi.waitFor(async () => {
      const l = (await readFile(file, 'utf8')).trim().split('\n');
      if (l.length < 2) throw new Error('not flushed yet');
      return l.map((x) => JSON.parse(x) as Record<string, unknown>);
    });
    expect(lines).toMatchObject([
      { level: 30, msg: 'setup code: ABCD-EFGH-JKLM', pid: process.pid },
      { level: 40, msg: 'refused', kind: 'vnc' },
    ]);
    expect(typeof lines[0]!.time).toBe('string');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(log()).toBe(logger);
  });

  it('appends to an existing log', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, 'vireo.log'), '{"msg":"earlier"}\n', { mode: 0o600 });
    openLog({ dataDir: dir, console: capture().sinks }).info('later');
    await vi.waitFor(async () => expect(await readFile(path.join(dir, 'vireo.log'), 'utf8')).toMatch(/earlier"}\n.*"msg":"later"/));
  });

  it('logs to the console only, and says so, when the file cannot be opened', async () => {
    const dir = await dataDir();
    // A data "directory" below a plain file cannot be created, not even by root.
    await writeFile(path.join(dir, 'plain-file'), '');
    const c = capture();
    openLog({ dataDir: path.join(dir, 'plain-file', 'data'), console: c.sinks }).info('still shown');
    expect(c.err).toEqual([expect.stringMatching(/WARN cannot open .*vireo\.log .*console only/)]);
    expect(c.out).toEqual([expect.stringMatching(/INFO still shown$/)]);
  });

  it('honours the level', () => {
    const c = capture();
    const logger = openLog({ dataDir: null, level: 'warn', console: c.sinks });
    logger.info('hidden');
    logger.error('shown');
    expect(c.out).toEqual([]);
    expect(c.err).toEqual([expect.stringMatching(/ERROR shown$/)]);
  });
});
