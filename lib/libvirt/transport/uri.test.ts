import { describe, expect, it } from 'vitest';
import { UriError, choiceParam, flagParam, parseUri, pathParam } from './uri';
import { TcpDialer, UnixDialer, localSocketPath } from './socket-dialers';
import { dialerFor } from './dialer-for';
import { CredentialError } from './dialer';

describe('parseUri', () => {
  it('qemu:///system is the local unix socket', () => {
    expect(parseUri('qemu:///system')).toEqual({
      driver: 'qemu',
      transport: 'unix',
      host: null,
      port: null,
      user: null,
      path: '/system',
      params: {},
      remoteName: 'qemu:///system',
    });
  });

  it('test:///default', () => {
    expect(parseUri('test:///default')).toMatchObject({ driver: 'test', transport: 'unix', path: '/default', remoteName: 'test:///default' });
  });

  it('qemu+tcp://127.0.0.1:16599/system opens qemu:///system on the daemon', () => {
    expect(parseUri('qemu+tcp://127.0.0.1:16599/system')).toMatchObject({
      driver: 'qemu',
      transport: 'tcp',
      host: '127.0.0.1',
      port: 16599,
      path: '/system',
      remoteName: 'qemu:///system',
    });
  });

  it('qemu+unix:///system?socket=/x keeps socket= on the client side', () => {
    const u = parseUri('qemu+unix:///system?socket=/x');
    expect(u).toMatchObject({ transport: 'unix', params: { socket: '/x' }, remoteName: 'qemu:///system' });
    expect(localSocketPath(u, false)).toBe('/x');
  });

  it('forwards query parameters the daemon understands', () => {
    expect(parseUri('qemu+tcp://h/system?mode=direct&foo=a%20b').remoteName).toBe('qemu:///system?foo=a%20b');
  });

  it('decodes percent-encoded client parameters', () => {
    expect(parseUri('qemu:///system?socket=%2Frun%2Fmy%20sock').params.socket).toBe('/run/my sock');
  });

  it('an IPv6 host in brackets', () => {
    expect(parseUri('qemu+tcp://[::1]:16509/system')).toMatchObject({ host: '::1', port: 16509, transport: 'tcp' });
    expect(parseUri('qemu+tcp://[fe80::1%25eth0]/system').host).toBe('fe80::1%25eth0');
  });

  it('a user name and a host without transport default to TLS, as in libvirt', () => {
    expect(parseUri('qemu://root@kvm1.example/system')).toMatchObject({ user: 'root', host: 'kvm1.example', transport: 'tls' });
  });

  it('the driver and transport are case-insensitive', () => {
    expect(parseUri('QEMU+TCP://h/system')).toMatchObject({ driver: 'qemu', transport: 'tcp', remoteName: 'qemu:///system' });
  });

  it.each(['', 'qemu', 'qemu:/system', '/system', '1qemu:///system', 'qemu+:///system'])('rejects %j', (bad) => {
    expect(() => parseUri(bad)).toThrow(UriError);
  });

  it.each(['qemu+tcp://h:0/system', 'qemu+tcp://h:65536/system'])('rejects a bad port in %s', (bad) => {
    expect(() => parseUri(bad)).toThrow(/bad port/);
  });

  it('rejects a transport libvirt does not have', () => {
    expect(() => parseUri('qemu+ftp://h/system')).toThrow(/unsupported transport "ftp"/);
  });
});

describe('dialerFor', () => {
  it('unix URIs dial the socket path', () => {
    const d = dialerFor(parseUri('qemu+unix:///system?socket=/tmp/x.sock'), false);
    expect(d).toBeInstanceOf(UnixDialer);
    expect((d as UnixDialer).path).toBe('/tmp/x.sock');
  });

  it('tcp URIs dial host and port, 16509 by default', () => {
    const d = dialerFor(parseUri('qemu+tcp://127.0.0.1:16599/system'), false);
    expect(d).toBeInstanceOf(TcpDialer);
    expect(d).toMatchObject({ host: '127.0.0.1', port: 16599 });
    expect(dialerFor(parseUri('qemu+tcp://[::1]/system'), false)).toMatchObject({ host: '::1', port: 16509 });
  });

  it.each(['qemu+ssh://root@h/system', 'qemu://h/system'])('%s without credentials: a clear error at once, not a hang', (uri) => {
    expect(() => dialerFor(parseUri(uri), false)).toThrow(CredentialError);
  });

  it('picks the read-only or modular socket when the monolithic one is absent', () => {
    const u = parseUri('qemu:///system');
    expect(localSocketPath(u, true, '/nonexistent')).toBe('/nonexistent/libvirt-sock-ro');
  });

  it('a unix dialer reports a missing socket as ConnectionError("dial-failed")', async () => {
    await expect(new UnixDialer('/nonexistent/vireo.sock').dial()).rejects.toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
  });
});

describe('transport parameters', () => {
  it('stay on the client side, never forwarded to the daemon', () => {
    const u = parseUri('qemu+ssh://root@h/system?keyfile=/k&no_verify=1&known_hosts=/kh&proxy=native&netcat=nc&foo=bar');
    expect(u.remoteName).toBe('qemu:///system?foo=bar');
    expect(u.params).toEqual({ keyfile: '/k', no_verify: '1', known_hosts: '/kh', proxy: 'native', netcat: 'nc' });
    expect(parseUri('qemu+tls://h/system?pkipath=/p&tls_priority=NORMAL').remoteName).toBe('qemu:///system');
  });

  it('flags are 0 or 1', () => {
    expect(flagParam(parseUri('qemu+tls://h/system?no_verify=1'), 'no_verify')).toBe(true);
    expect(flagParam(parseUri('qemu+tls://h/system?no_verify=0'), 'no_verify')).toBe(false);
    expect(flagParam(parseUri('qemu+tls://h/system'), 'no_verify')).toBe(false);
    expect(() => flagParam(parseUri('qemu+tls://h/system?no_verify=true'), 'no_verify')).toThrow(UriError);
  });

  it('paths are absolute, without control characters', () => {
    expect(pathParam(parseUri('qemu+ssh://h/system?socket=%2Fa%20b'), 'socket')).toBe('/a b');
    expect(pathParam(parseUri('qemu+ssh://h/system'), 'socket')).toBeUndefined();
    expect(() => pathParam(parseUri('qemu+ssh://h/system?socket=a'), 'socket')).toThrow(/absolute path/);
    expect(() => pathParam(parseUri('qemu+ssh://h/system?socket=%2Fa%0Ab'), 'socket')).toThrow(/absolute path/);
  });

  it('choices are one of a list', () => {
    expect(choiceParam(parseUri('qemu+ssh://h/system?proxy=auto'), 'proxy', ['auto', 'native'])).toBe('auto');
    expect(() => choiceParam(parseUri('qemu+ssh://h/system?proxy=x'), 'proxy', ['auto', 'native'])).toThrow(/expected one of auto, native/);
  });
});
