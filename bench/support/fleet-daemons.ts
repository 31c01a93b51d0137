import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testDriverUriAt } from '../../test/support/test-libvirtd';

// Many small libvirt hosts on this machine, for the fleet bench: one libvirtd each, loading none of its driver
// modules (LIBVIRT_DRIVER_DIR names an empty directory), so all it serves is the test driver built into libvirt
// itself; ~10 MB and a few milliseconds per daemon. Each daemon's `test:///default` is one shared in-memory host:
// every connection to it sees the same domains and hears every connection's changes (a custom test:///file opened
// remotely is private to its connection, so a second client could not make events Vireo hears).
// Each daemon has its own directory (config, sockets, log) under one temporary directory, removed at the end.

export interface FleetDaemon {
  index: number;
  /** test:///default through this daemon's socket. */
  uri: string;
  socket: string;
}

export interface FleetDaemons {
  daemons: FleetDaemon[];
  /** Stops every daemon this started and removes their directory. */
  stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

function config(dir: string): string {
  return [
    '# Written by bench/support/fleet-daemons.ts: a test-driver-only libvirtd of the fleet bench.',
    `unix_sock_dir = "${dir}"`,
    'unix_sock_group = "root"',
    'unix_sock_rw_perms = "0700"',
    'unix_sock_ro_perms = "0700"',
    'auth_unix_rw = "none"',
    'auth_unix_ro = "none"',
    'max_clients = 200',
    `log_outputs = "3:file:${dir}/libvirtd.log"`,
    '',
  ].join('\n');
}

/** Resolves once something accepts connections on the socket. */
async function listening(socket: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`libvirtd for ${socket} exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = netConnect(socket, () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`libvirtd did not listen on ${socket} within ${START_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startFleetDaemons(count: number): Promise<FleetDaemons> {
  const root = await mkdtemp(path.join(tmpdir(), 'vireo-fleet-'));
  const noDrivers = path.join(root, 'no-drivers');
  await mkdir(noDrivers);
  const children: ChildProcess[] = [];
  // Should the bench die on an exception between start and stop, the daemons still go with it.
  const killAll = () => {
    for (const c of children) if (c.exitCode === null && c.pid) c.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const stop = async () => {
    process.off('exit', killAll);
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => c.kill('SIGKILL'), 3000);
            c.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
    await rm(root, { recursive: true, force: true });
  };
  try {
    const daemons: FleetDaemon[] = [];
    for (let i = 0; i < count; i++) {
      const dir = path.join(root, `h${String(i).padStart(3, '0')}`);
      await mkdir(dir);
      await writeFile(path.join(dir, 'libvirtd.conf'), config(dir));
      const child = spawn('libvirtd', ['--config', path.join(dir, 'libvirtd.conf'), '--pid-file', path.join(dir, 'libvirtd.pid')], {
        env: { ...process.env, LIBVIRT_DRIVER_DIR: noDrivers },
        stdio: 'ignore',
      });
      child.on('error', () => undefined);
      children.push(child);
      const socket = path.join(dir, 'libvirt-sock');
      daemons.push({ index: i, socket, uri: testDriverUriAt(socket) });
    }
    await Promise.all(daemons.map((d, i) => listening(d.socket, children[i]!)));
    return { daemons, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
