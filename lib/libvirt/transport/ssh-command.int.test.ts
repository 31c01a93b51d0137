// The remote test host's daemon calls itself by the host URI, so these tests name it so.
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SshProxyPlan, sshProxyCommand } from './ssh-command';
import { hostSystemUri } from '../../../test/support/test-libvirtd';

// The remote command runs here under a real sh, with a PATH that has or lacks virt-ssh-helper, the way sshd would
// hand it to a login shell: both branches of `auto`, the netcat -q probe and the quoting, end to end.
const run = promisify(execFile);
const which = async (cmd: string) => (await run('sh', ['-c', `command -v ${cmd}`])).stdout.trim();

let dir: string;
let bin: string;
let sock: string;
let server: net.Server;

const plan = (p: Partial<SshProxyPlan>): SshProxyPlan => ({
  proxy: 'auto',
  remoteName: hostSystemUri,
  readOnly: false,
  socket: '/nonexistent',
  netcat: 'nc',
  ...p,
});

/** Runs the command as a login shell would, writes `input`, returns what came back (input ends once it is answered). */
function remote(command: string, input: string, endInput = false): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve) => {
    // Only PATH: the remote side's environment is not ours.
    const env = { PATH: bin } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv;
    const child = spawn('/bin/sh', ['-c', command], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes(input.toUpperCase())) child.stdin.end();
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ out, err, code }));
    child.stdin.write(input);
    if (endInput) child.stdin.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(`${tmpdir()}/vireo-ssh-cmd-`);
  bin = `${dir}/bin`;
  await run('mkdir', [bin]);
  for (const tool of ['sh', 'grep', 'nc', 'cat', 'tr']) await symlink(await which(tool), `${bin}/${tool}`);
  sock = `${dir}/it's a socket`;
  // An upper-casing echo server standing in for libvirtd's socket.
  server = net.createServer((c) => c.on('data', (d: Buffer) => c.write(d.toString().toUpperCase())));
  await new Promise<void>((r) => server.listen(sock, r));
});

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the SSH proxy command under a real shell', () => {
  it('auto without virt-ssh-helper falls back to nc -U on the socket', async () => {
    const { out, code } = await remote(sshProxyCommand(plan({ socket: sock })), 'ping');
    expect(out).toBe('PING');
    expect(code).toBe(0);
  });

  it('netcat mode with a socket path that needs quoting', async () => {
    expect((await remote(sshProxyCommand(plan({ proxy: 'netcat', socket: sock })), 'hello')).out).toBe('HELLO');
  });

  it('a missing socket: nc says why on stderr and exits non-zero', async () => {
    const r = await remote(sshProxyCommand(plan({ proxy: 'netcat', socket: `${dir}/missing` })), 'x');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/No such file|connect/i);
  });

  it('auto prefers virt-ssh-helper when the host has it, passing -r and the URI as one word', async () => {
    const helper = `${bin}/virt-ssh-helper`;
    await writeFile(helper, `#!/bin/sh\nprintf '%s\\n' "$@" > '${dir}/args'\nexec tr a-z A-Z\n`);
    await chmod(helper, 0o755);
    try {
      const name = `${hostSystemUri}?x='1 2'`;
      const r = await remote(sshProxyCommand(plan({ remoteName: name, readOnly: true })), 'abc', true);
      expect(r.out).toBe('ABC');
      expect((await readFile(`${dir}/args`, 'utf8')).split('\n')).toEqual(['-r', name, '']);
    } finally {
      await rm(helper);
    }
  });
});
