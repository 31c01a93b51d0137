// The second libvirtd that listens on loopback TCP (scripts/libvirtd-tcp.sh). It runs in session
// mode as "nobody", so it serves the test driver and an unprivileged QEMU, not qemu:///system.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/libvirtd-tcp.sh', import.meta.url));

export const tcpPort = Number(process.env.VIREO_TCP_PORT ?? 16599);
export const tcpHost = '127.0.0.1';
/** libvirt's in-memory test driver over TCP. */
export const tcpTestUri = `test+tcp://${tcpHost}:${tcpPort}/default`;
/** Real QEMU (TCG, user networking) over TCP. */
export const tcpQemuSessionUri = `qemu+tcp://${tcpHost}:${tcpPort}/session`;

/** Starts the TCP libvirtd unless it already answers (quick when running; needs root otherwise). */
export async function ensureTcpLibvirtd(): Promise<void> {
  await run('bash', [script, 'start'], { timeout: 30_000, env: { ...process.env, VIREO_TCP_PORT: String(tcpPort) } });
}
