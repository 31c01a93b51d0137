// The namespaced libvirt hosts of scripts/test-hosts.sh: separate libvirtd daemons, each in its own namespaces
// with sshd and a TLS listener on a private address (10.77.N.2) reachable from this machine only.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/test-hosts.sh', import.meta.url));

export const testHostsDir = process.env.VIREO_TEST_HOSTS_DIR ?? '/var/lib/vireo-test-hosts';

export interface TestHost {
  /** h1, h2, ... */
  name: string;
  /** Its UTS hostname (vireo-h1), also a DNS name in its server certificate. */
  hostname: string;
  address: string;
  /** This machine's end of the veth pair. */
  gateway: string;
  sshPort: number;
  tlsPort: number;
  /** The daemon's unix socket, reachable from this machine (unix_sock_dir lies outside the namespace). */
  socket: string;
  /** `SHA256:...` of its SSH host key, as ssh-keygen prints it. */
  hostKeyFingerprint: string;
  hostUuid: string;
  dir: string;
}

interface Manifest {
  root: string;
  clientDn: string;
  hosts: TestHost[];
}

/** Starts the hosts unless they already answer (about 5 s from nothing, a few hundred ms when up). Needs root. */
export async function ensureTestHosts(): Promise<TestHost[]> {
  await run('bash', [script, 'start'], { timeout: 120_000 });
  const manifest = JSON.parse(readFileSync(`${testHostsDir}/hosts.json`, 'utf8')) as Manifest;
  return manifest.hosts;
}

export const unixUri = (h: TestHost) => `qemu+unix:///system?socket=${encodeURIComponent(h.socket)}`;
export const sshUri = (h: TestHost, query = '') => `qemu+ssh://root@${h.address}:${h.sshPort}/system${query}`;
export const tlsUri = (h: TestHost, query = '') => `qemu+tls://${h.address}:${h.tlsPort}/system${query}`;

const file = (path: string) => readFileSync(`${testHostsDir}/${path}`);

/** The key every host's root accepts, and one none does. */
export const sshKeys = () => ({ client: file('client/id_ed25519'), rogue: file('rogue/id_ed25519') });

/** The CA that signed the hosts' certificates with a client certificate they accept (the pkipath layout). */
export const tlsClient = () => ({ ca: file('client/cacert.pem'), cert: file('client/clientcert.pem'), key: file('client/clientkey.pem') });
/** Signed by the hosts' CA but not in their tls_allowed_dn_list. */
export const tlsIntruder = () => ({ cert: file('client/intruder-cert.pem'), key: file('client/intruder-key.pem') });
/** Another CA and a client certificate it signed: neither is trusted by the hosts. */
export const tlsRogue = () => ({ ca: file('rogue/cacert.pem'), cert: file('rogue/clientcert.pem'), key: file('rogue/clientkey.pem') });
/** A host's own server certificate and key (for a fake server that presents a real certificate). */
export const tlsServer = (h: TestHost) => ({ cert: readFileSync(`${h.dir}/pki/servercert.pem`), key: readFileSync(`${h.dir}/pki/serverkey.pem`) });

export type DaemonAction = 'stop' | 'kill' | 'freeze' | 'thaw' | 'start';

/** Makes a host's libvirtd fail (or come back) the way a remote daemon does: its sshd and network stay up. */
export async function remoteLibvirtd(h: TestHost, action: DaemonAction): Promise<void> {
  await run('bash', [script, 'libvirtd', h.name, action], { timeout: 60_000 });
}
