// virsh as an independent witness in tests: it checks what Vireo did through libvirt's own client,
// so a bug in our wire protocol can't hide itself. Product code never shells out like this.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSystemUri } from './test-libvirtd';

/** URI the integration tests run against unless a test passes its own: the test suite's own libvirtd. */
export const defaultUri = process.env.VIREO_TEST_URI ?? testSystemUri;

export interface VirshOptions {
  uri?: string;
  timeoutMs?: number;
}

export class VirshError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`virsh ${args.join(' ')} failed (${exitCode ?? 'killed'}): ${stderr.trim()}`);
    this.name = 'VirshError';
  }
}

export function virsh(args: readonly string[], opts: VirshOptions = {}): Promise<string> {
  const argv = ['-q', '-c', opts.uri ?? defaultUri, ...args];
  return new Promise((resolve, reject) => {
    const child = execFile('virsh', argv, { timeout: opts.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const code = typeof err.code === 'number' ? err.code : null;
      reject(new VirshError(args, code, stderr || err.message));
    });
    child.stdin?.end();
  });
}

/** Runs `virsh <command> <file>` with XML text written to a temporary file (e.g. define, net-create). */
export async function virshWithXml(command: string, xml: string, opts: VirshOptions = {}): Promise<string> {
  // Node gives children socket stdio, which virsh cannot open as /dev/stdin: use a file.
  const dir = await mkdtemp(join(tmpdir(), 'vireo-virsh-'));
  try {
    const file = join(dir, 'input.xml');
    await writeFile(file, xml);
    return await virsh([command, file], opts);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function virshDefine(xml: string, opts: VirshOptions = {}): Promise<void> {
  await virshWithXml('define', xml, opts);
}

/** Destroys (if running) and undefines a domain; silent when it does not exist. */
export async function virshCleanupDomain(name: string, opts: VirshOptions = {}): Promise<void> {
  await virsh(['destroy', name], opts).catch(() => undefined);
  await virsh(['undefine', name, '--nvram'], opts).catch(() => virsh(['undefine', name], opts).catch(() => undefined));
}

/** `virsh domstate` as a word such as "running" or "shut off". */
export async function virshDomState(name: string, opts: VirshOptions = {}): Promise<string> {
  return (await virsh(['domstate', name], opts)).trim();
}

/** The first three octets of the test daemon's "default" network (a /24 the host does not use, e.g. "192.168.123"). */
export async function defaultNetworkPrefix(opts: VirshOptions = {}): Promise<string> {
  const xml = await virsh(['net-dumpxml', 'default'], opts);
  const m = /<ip address=['"](\d+\.\d+\.\d+)\.\d+['"]/.exec(xml);
  if (!m) throw new Error(`the "default" network has no IPv4 address:\n${xml}`);
  return m[1]!;
}
