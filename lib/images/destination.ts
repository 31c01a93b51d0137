import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { ImageAllowEntry } from '@/lib/config/settings';
import { ImageSourceError } from './errors';

// Where an image download may connect. An admin-typed URL must not turn the server into a proxy into its own
// networks (SSRF): loopback, private, link-local, CGNAT, multicast, reserved and cloud metadata addresses are
// refused unless VIREO_IMAGE_ALLOW lets a lab mirror through. The check runs on the address actually connected
// (our DNS lookup hands the socket only addresses that passed), so DNS rebinding and redirects gain nothing.

/** Cloud metadata services: never an image mirror, refused even when an allow-list entry covers them. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '169.254.170.23', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

/** IPv6 on the public internet lives in 2000::/3; the rest is local, special or unassigned. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * One sentence for every refused destination, whatever the address, the port, or whether anything listens
 * there, so the answer tells nothing about the internal network (no port-scan oracle).
 */
export const REFUSED_DESTINATION =
  'The image address leads to a loopback, private, link-local or other internal network address, which Vireo does not download from. ' +
  'An admin can allow a lab mirror with VIREO_IMAGE_ALLOW.';

export class DestinationRefusedError extends ImageSourceError {
  override name = 'DestinationRefusedError';
  constructor() {
    super(REFUSED_DESTINATION);
  }
}

/** The address as it is connected to: IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address it carries. */
function normalised(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : null;
}

function publicAddress(addr: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (addr.kind() === 'ipv4') return addr.range() === 'unicast';
  return addr.range() === 'unicast' && (addr as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

function listed(addr: ipaddr.IPv4 | ipaddr.IPv6, allow: readonly ImageAllowEntry[]): boolean {
  return allow.some((e) => {
    if (e.kind !== 'cidr') return false;
    const range = ipaddr.parseCIDR(e.cidr);
    return range[0].kind() === addr.kind() && addr.match(range);
  });
}

/** Whether `hostname` (as in the URL) is named on the allow-list: then whatever it resolves to is trusted. */
export function hostAllowListed(hostname: string, allow: readonly ImageAllowEntry[]): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return allow.some((e) => e.kind === 'host' && e.name === name);
}

/** Whether a download may connect to `address`; `trustedName`: the URL's host name is on the allow-list. */
export function addressAllowed(address: string, allow: readonly ImageAllowEntry[], trustedName = false): boolean {
  const addr = normalised(address);
  if (!addr || METADATA.has(addr.toNormalizedString()) || METADATA.has(addr.toString())) return false;
  return trustedName || publicAddress(addr) || listed(addr, allow);
}

/**
 * A `lookup` for http(s).request: resolves as usual, then keeps only the addresses the policy allows; when none
 * is left the connection fails with DestinationRefusedError. Node connects to exactly what this returns.
 */
export function guardedLookup(allow: readonly ImageAllowEntry[], trustedName: boolean, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const kept = addresses.filter((a) => addressAllowed(a.address, allow, trustedName));
      if (!kept.length) return callback(new DestinationRefusedError(), []);
      if (options.all) return callback(null, kept);
      callback(null, kept[0]!.address, kept[0]!.family);
    });
  };
}

/** For a URL whose host is an address literal (no lookup happens for those): refuses it up front. */
export function checkLiteralHost(hostname: string, allow: readonly ImageAllowEntry[]): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(bare) && !addressAllowed(bare, allow)) throw new DestinationRefusedError();
}
