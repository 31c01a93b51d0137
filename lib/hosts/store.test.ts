import { describe, expect, it } from 'vitest';
import { plainProblem } from './probe';
import { hostOptionsOf, type HostRow } from './store';

const row = (over: Partial<HostRow>): HostRow => ({
  id: 'h1',
  name: 'H1',
  uri: 'qemu+ssh://root@h1/system',
  sshKeySource: null,
  sshPublicKey: null,
  sshHostKey: null,
  tlsCa: null,
  tlsCert: null,
  secrets: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});

describe('a stored host as connection options', () => {
  it('trusts an unpinned SSH host key at first contact, pins it, and checks every later dial against it', async () => {
    const pinned: string[] = [];
    const opts = hostOptionsOf(row({}), undefined, async (fp) => void pinned.push(fp));
    const policy = opts.credentials!.ssh!.hostKey!;
    expect(policy.expected).toBeUndefined();
    expect(await policy.onFirstContact!('SHA256:abc', 'h1:22')).toBe(true);
    expect(pinned).toEqual(['SHA256:abc']);
    expect(policy.expected).toBe('SHA256:abc');
  });
  it('uses a pinned key as is, and gives TLS hosts their certificates', () => {
    expect(hostOptionsOf(row({ sshHostKey: 'SHA256:x' })).credentials!.ssh!.hostKey).toEqual({ expected: 'SHA256:x' });
    const tls = hostOptionsOf(row({ uri: 'qemu+tls://h2/system', tlsCa: 'CA', tlsCert: 'CERT' })).credentials!.tls!;
    expect(tls).toMatchObject({ ca: 'CA', cert: 'CERT' });
    expect(hostOptionsOf(row({ uri: 'qemu+tcp://lab/system' })).credentials).toBeUndefined();
  });
});

describe('problems in plain words', () => {
  it('says what to do about a refused key or a changed host key', () => {
    expect(plainProblem({ uri: 'u' }, new Error('ssh root@h:22 refused our key (authentication failed)'))).toMatch(/authorized_keys/);
    const changed = Object.assign(new Error('the SSH host key of h:22 has changed'), { name: 'HostKeyError' });
    expect(plainProblem({ uri: 'u' }, changed)).toMatch(/^Refused: .*forget its host key/);
    expect(plainProblem({ uri: 'qemu+tls://h/system' }, new Error('connect ECONNREFUSED'))).toBe(
      'Vireo could not reach libvirtd at qemu+tls://h/system: connect ECONNREFUSED',
    );
  });
});
