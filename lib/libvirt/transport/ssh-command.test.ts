import { describe, expect, it } from 'vitest';
import { REMOTE_SOCKET, shellQuote, sshProxyCommand, sshProxyPlan } from './ssh-command';
import { parseUri, UriError } from './uri';

const plan = (uri: string, readOnly = false) => sshProxyPlan(parseUri(uri), readOnly);

describe('sshProxyPlan: libvirt’s choice of remote proxy', () => {
  it('auto by default, for the daemon-side URI', () => {
    expect(plan('qemu+ssh://root@h/system')).toEqual({ proxy: 'auto', remoteName: 'qemu:///system', readOnly: false, socket: REMOTE_SOCKET, netcat: 'nc' });
  });

  it('socket= or netcat= means netcat, as virt-ssh-helper takes no socket path', () => {
    expect(plan('qemu+ssh://h/system?socket=/run/x.sock')).toMatchObject({ proxy: 'netcat', socket: '/run/x.sock' });
    expect(plan('qemu+ssh://h/system?netcat=/usr/bin/nc.openbsd')).toMatchObject({ proxy: 'netcat', netcat: '/usr/bin/nc.openbsd' });
  });

  it('read-only uses the read-only socket', () => {
    expect(plan('qemu+ssh://h/system', true).socket).toBe(`${REMOTE_SOCKET}-ro`);
  });

  it('proxy= is honoured, and refused when contradictory or unknown', () => {
    expect(plan('qemu+ssh://h/system?proxy=native').proxy).toBe('native');
    expect(() => plan('qemu+ssh://h/system?proxy=native&socket=/x')).toThrow(/proxy=native/);
    expect(() => plan('qemu+ssh://h/system?proxy=magic')).toThrow(UriError);
    expect(() => plan('qemu+ssh://h/system?socket=relative')).toThrow(/absolute path/);
    expect(() => plan('qemu+ssh://h/system?netcat=nc%3Brm')).toThrow(/not a command name/);
  });
});

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ['', "''"],
    ["it's", `'it'\\''s'`],
    ['$HOME `x` "y" \\z', `'$HOME \`x\` "y" \\z'`],
  ])('%j', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});

describe('sshProxyCommand', () => {
  const base = { remoteName: 'qemu:///system', readOnly: false, socket: REMOTE_SOCKET, netcat: 'nc' };

  it('native: virt-ssh-helper with the URI, -r when read-only', () => {
    expect(sshProxyCommand({ ...base, proxy: 'native' })).toBe(`sh -c 'exec virt-ssh-helper '\\''qemu:///system'\\'''`);
    expect(sshProxyCommand({ ...base, proxy: 'native', readOnly: true })).toContain('virt-ssh-helper -r ');
  });

  it('auto asks the remote shell for the helper first and falls back to nc -U', () => {
    const cmd = sshProxyCommand({ ...base, proxy: 'auto' });
    expect(cmd).toMatch(/^sh -c '/);
    expect(cmd).toContain('command -v virt-ssh-helper');
    expect(cmd).toContain(`-U '\\''${REMOTE_SOCKET}'\\''`);
  });

  it('netcat never mentions the helper', () => {
    expect(sshProxyCommand({ ...base, proxy: 'netcat' })).not.toContain('virt-ssh-helper');
  });
});
