import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { ConnectionError } from '../errors';
import { dialAttempt } from './dial-attempt';
import { CredentialError, type Dialer } from './dialer';
import { readAcceptance } from './tls-acceptance';
import { describeTlsError } from './tls-errors';
import { DEFAULT_PORTS, flagParam, pathParam, type ParsedUri, UriError } from './uri';

/** Credentials for `qemu+tls://` (ClientOptions.tls): PEM text in memory, as the daemon's CA and our certificate. */
export interface TlsCredentials {
  /** The CA that signed the daemon's certificate (libvirt's cacert.pem). Required unless the URI says no_verify=1. */
  ca?: string | Buffer;
  /** Our client certificate and its key (libvirt's clientcert.pem, clientkey.pem); libvirtd requires one by default. */
  cert?: string | Buffer;
  key?: string | Buffer;
  passphrase?: string;
  /** Verify the certificate against this name instead of the URI's host (e.g. a host reached by address). */
  servername?: string;
  /** Read missing files from the URI's pkipath= (cacert.pem, clientcert.pem, clientkey.pem); off by default. */
  allowPkiPath?: boolean;
  /** Time allowed for TCP connect, the handshake and the daemon's acceptance (default 20 s). */
  handshakeTimeoutMs?: number;
}

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 20_000;

/**
 * Reaches libvirtd's TLS listener (listen_tls, port 16514): node:tls with the daemon's CA and our client
 * certificate, the server's certificate checked against the host name or address, then libvirt's own step: once
 * it has checked our certificate (CA, tls_allowed_dn_list) the daemon sends one byte, 1, before any RPC; a refusal
 * is a closed connection instead (virNetServerClientCheckAccess / virNetClientSetTLSSession in libvirt).
 */
export class TlsDialer implements Dialer {
  readonly host: string;
  readonly port: number;
  private readonly noVerify: boolean;
  private readonly material: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer };

  constructor(
    uri: ParsedUri,
    private readonly creds: TlsCredentials = {},
  ) {
    if (!uri.host) throw new UriError('a tls URI names its host: qemu+tls://host/system');
    this.host = uri.host;
    this.port = uri.port ?? DEFAULT_PORTS.tls;
    this.noVerify = flagParam(uri, 'no_verify');
    this.material = { ca: creds.ca, cert: creds.cert, key: creds.key, ...this.fromPkiPath(uri) };
    if (!this.material.ca && !this.noVerify) throw new CredentialError(`no CA certificate for ${this.host}: pass tls.ca (or no_verify=1 in the URI)`);
    if (!this.material.cert !== !this.material.key) throw new CredentialError('tls.cert and tls.key go together');
  }

  get description(): string {
    return `tls ${this.host}:${this.port}`;
  }

  /** Files named by pkipath= fill in what the options left out, when allowed. */
  private fromPkiPath(uri: ParsedUri): Partial<Record<'ca' | 'cert' | 'key', Buffer>> {
    const dir = pathParam(uri, 'pkipath');
    if (!dir) return {};
    if (!this.creds.allowPkiPath) throw new CredentialError('pkipath= is only read with tls.allowPkiPath; pass tls.ca, tls.cert and tls.key');
    const read = (name: string) => {
      try {
        return readFileSync(`${dir}/${name}`);
      } catch (err) {
        throw new CredentialError(`cannot read ${dir}/${name}: ${(err as Error).message}`);
      }
    };
    const out: Partial<Record<'ca' | 'cert' | 'key', Buffer>> = {};
    if (!this.creds.ca) out.ca = read('cacert.pem');
    if (!this.creds.cert) out.cert = read('clientcert.pem');
    if (!this.creds.key) out.key = read('clientkey.pem');
    return out;
  }

  dial(signal?: AbortSignal): Promise<Duplex> {
    const name = this.creds.servername ?? this.host;
    let sock: tls.TLSSocket | undefined;
    const opts = {
      signal,
      timeoutMs: this.creds.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
      timeoutMessage: `${this.description} did not complete the TLS handshake in time`,
      cleanup: () => sock?.destroy(),
    };
    return dialAttempt<Duplex>(this.description, opts, (steps) => {
      const s = (sock = tls.connect({
        host: this.host,
        port: this.port,
        ...this.material,
        passphrase: this.creds.passphrase,
        rejectUnauthorized: !this.noVerify,
        // SNI carries names only; an address is checked against the certificate's IP entries.
        servername: isIP(name) ? undefined : name,
        checkServerIdentity: (_host, cert) => tls.checkServerIdentity(name, cert),
      }));
      s.once('error', (err: Error & { code?: string }) => steps.fail(describeTlsError(err, this.description, name)));
      s.once('secureConnect', () => {
        s.removeAllListeners('error');
        readAcceptance(s, this.description).then(
          () => {
            s.setNoDelay(true);
            oneRecordPerWrite(s);
            steps.succeed(s);
          },
          (err: ConnectionError) =>
            steps.fail(
              this.material.cert ? err : new ConnectionError(err.reason, `${err.message} (we presented no client certificate: pass tls.cert and tls.key)`),
            ),
        );
      });
    });
  }
}

/**
 * Writes queued while one is under way go out one by one, each its own TLS record, instead of joined into one record
 * (what Node does with a batch of queued writes). libvirtd reads a TLS record whole but dispatches one RPC message per
 * wake-up of its socket: a second call in the same record waited, measured, for the next bytes to arrive, the
 * keepalive 5 s later. Calls made at once (a page's reads, event registrations) each waited that long.
 */
function oneRecordPerWrite(s: tls.TLSSocket): void {
  (s as unknown as { _writev: null })._writev = null;
}
