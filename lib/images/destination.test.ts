import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import type { ImageAllowEntry } from '@/lib/config/settings';
import { addressAllowed, checkLiteralHost, DestinationRefusedError, guardedLookup, hostAllowListed, REFUSED_DESTINATION } from './destination';

// Which addresses an image download may connect to (SSRF), by default and with a lab allow-list.

const none: ImageAllowEntry[] = [];

describe('addressAllowed by default', () => {
  it.each(['151.101.2.132', '8.8.8.8', '2a04:4e42::644', '2001:4860:4860::8888', '::ffff:151.101.2.132'])('lets the public address %s through', (a) => {
    expect(addressAllowed(a, none)).toBe(true);
  });

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, anywhere in 127/8', '127.255.255.254'],
    ['IPv6 loopback', '::1'],
    ['RFC 1918', '10.0.0.1'],
    ['RFC 1918', '172.16.5.4'],
    ['RFC 1918', '172.31.255.255'],
    ['RFC 1918', '192.168.1.1'],
    ['unique local', 'fc00::1'],
    ['unique local', 'fd12:3456::1'],
    ['link-local', '169.254.1.1'],
    ['link-local IPv6', 'fe80::1'],
    ['link-local with a zone', 'fe80::1%eth0'],
    ['cloud metadata', '169.254.169.254'],
    ['AWS IPv6 metadata', 'fd00:ec2::254'],
    ['Alibaba metadata', '100.100.100.200'],
    ['CGNAT', '100.64.0.1'],
    ['CGNAT', '100.127.255.254'],
    ['unspecified (reaches the host itself)', '0.0.0.0'],
    ['unspecified IPv6', '::'],
    ['this network', '0.1.2.3'],
    ['multicast', '224.0.0.1'],
    ['IPv6 multicast', 'ff02::1'],
    ['broadcast', '255.255.255.255'],
    ['reserved', '240.0.0.1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped loopback, hex', '::ffff:7f00:1'],
    ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
    ['IPv4-mapped private', '::ffff:10.1.2.3'],
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['NAT64 of loopback', '64:ff9b::7f00:1'],
    ['6to4 of loopback', '2002:7f00:1::1'],
    ['Teredo', '2001:0::1'],
    ['documentation', '2001:db8::1'],
    ['not an address', 'localhost'],
  ])('refuses %s (%s)', (_what, a) => {
    expect(addressAllowed(a, none)).toBe(false);
  });
});

describe('addressAllowed with VIREO_IMAGE_ALLOW', () => {
  const lab: ImageAllowEntry[] = [
    { kind: 'cidr', cidr: '127.0.0.1/32' },
    { kind: 'cidr', cidr: '10.20.0.0/16' },
    { kind: 'cidr', cidr: 'fd00::/8' },
    { kind: 'cidr', cidr: '169.254.0.0/16' },
  ];

  it('lets listed networks through, IPv4-mapped spellings included, and nothing next to them', () => {
    expect(addressAllowed('127.0.0.1', lab)).toBe(true);
    expect(addressAllowed('::ffff:127.0.0.1', lab)).toBe(true);
    expect(addressAllowed('127.0.0.2', lab)).toBe(false);
    expect(addressAllowed('10.20.3.4', lab)).toBe(true);
    expect(addressAllowed('10.21.0.1', lab)).toBe(false);
    expect(addressAllowed('fd12::1', lab)).toBe(true);
    expect(addressAllowed('169.254.1.1', lab)).toBe(true);
  });

  it('never lets cloud metadata addresses through, even inside a listed network', () => {
    expect(addressAllowed('169.254.169.254', lab)).toBe(false);
    expect(addressAllowed('fd00:ec2::254', lab)).toBe(false);
    expect(addressAllowed('169.254.169.254', lab, true)).toBe(false);
  });

  it('trusts whatever a listed host name resolves to, metadata aside', () => {
    const named: ImageAllowEntry[] = [{ kind: 'host', name: 'mirror.lab' }];
    expect(hostAllowListed('Mirror.Lab.', named)).toBe(true);
    expect(hostAllowListed('evil.mirror.lab', named)).toBe(false);
    expect(addressAllowed('192.168.7.7', named, true)).toBe(true);
    expect(addressAllowed('192.168.7.7', named, false)).toBe(false);
  });
});

describe('checkLiteralHost', () => {
  it('refuses internal address literals as the URL spells them, and leaves names to the lookup', () => {
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:7f00:1]', '169.254.169.254', '10.0.0.1'])
      expect(() => checkLiteralHost(host, none)).toThrow(DestinationRefusedError);
    expect(() => checkLiteralHost('151.101.2.132', none)).not.toThrow();
    expect(() => checkLiteralHost('localhost', none)).not.toThrow();
  });
});

describe('guardedLookup', () => {
  type Resolve = Parameters<typeof guardedLookup>[2];
  const resolver = (answer: LookupAddress[]): Resolve =>
    ((_h: string, _o: unknown, cb: (e: Error | null, a: LookupAddress[]) => void) => cb(null, answer)) as unknown as Resolve;
  const run = (answer: LookupAddress[], all: boolean, allow = none) =>
    new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) => {
      guardedLookup(allow, false, resolver(answer))('mirror.example', { all }, (err, address, family) => resolve({ err, address, family }));
    });

  it('hands the socket only the allowed addresses of a name that resolves to public and internal ones (rebinding)', async () => {
    const mixed = [
      { address: '127.0.0.1', family: 4 },
      { address: '151.101.2.132', family: 4 },
      { address: '::1', family: 6 },
    ];
    expect(await run(mixed, true)).toEqual({ err: null, address: [{ address: '151.101.2.132', family: 4 }], family: undefined });
    expect(await run(mixed, false)).toEqual({ err: null, address: '151.101.2.132', family: 4 });
  });

  it('fails with the fixed sentence when nothing allowed is left', async () => {
    const { err } = await run(
      [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
      false,
    );
    expect(err).toBeInstanceOf(DestinationRefusedError);
    expect(err?.message).toBe(REFUSED_DESTINATION);
  });

  it('resolves "localhost" for real and refuses it', async () => {
    const err = await new Promise<Error | null>((resolve) => guardedLookup(none, false)('localhost', {}, (e) => resolve(e)));
    expect(err).toBeInstanceOf(DestinationRefusedError);
  });
});
