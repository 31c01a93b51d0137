import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Duplex } from 'node:stream';
// ssh2 is CommonJS whose exports Node cannot name statically: take them off the default export.
import ssh2, { type ClientChannel, type ConnectConfig } from 'ssh2';
import { ConnectionError } from '../errors';
import { dialAttempt } from './dial-attempt';
import { CredentialError, type Dialer } from './dialer';
import { checkHostKey, HostKeyError, type HostKeyPolicy, normalizeFingerprint, sshFingerprint } from './ssh-host-key';
import { sshProxyCommand, sshProxyPlan } from './ssh-command';
import { SshTunnel } from './ssh-tunnel';
import { DEFAULT_PORTS, flagParam, pathParam, type ParsedUri, UriError } from './uri';

/** Credentials for `qemu+ssh://` (ClientOptions.ssh). Key material comes in memory, not from paths. */
export interface SshCredentials {
  /** The private key (OpenSSH or PEM text). */
  privateKey?: string | Buffer;
  passphrase?: string;
  hostKey?: HostKeyPolicy;
  /** Read the key from the URI's keyfile= (off by default: a URI must not make Vireo read arbitrary files). */
  allowKeyFile?: boolean;
  /** Time allowed for TCP connect, key exchange, authentication and starting the proxy (default 20 s). */
  readyTimeoutMs?: number;
}

const DEFAULT_READY_TIMEOUT_MS = 20_000;

/**
 * Reaches libvirtd through SSH: key authentication, the host key checked against a pin before anything is sent,
 * then one exec channel running the proxy libvirt itself would run (ssh-command.ts) whose stdio carries the RPC
 * stream. One SSH session per dial: the connection's lifetime is the tunnel's.
 */
export class SshDialer implements Dialer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly command: string;
  private readonly noVerify: boolean;
  private readonly privateKey: string | Buffer;

  constructor(
    uri: ParsedUri,
    readOnly: boolean,
    private readonly creds: SshCredentials = {},
  ) {
    if (!uri.host) throw new UriError('an ssh URI names its host: qemu+ssh://user@host/system');
    this.host = uri.host;
    this.port = uri.port ?? DEFAULT_PORTS.ssh;
    this.user = uri.user ?? userInfo().username;
    this.command = sshProxyCommand(sshProxyPlan(uri, readOnly));
    this.noVerify = flagParam(uri, 'no_verify');
    if (creds.hostKey?.expected !== undefined) normalizeFingerprint(creds.hostKey.expected);
    this.privateKey = creds.privateKey ?? this.keyFromFile(uri);
    const parsed = ssh2.utils.parseKey(this.privateKey, creds.passphrase);
    if (parsed instanceof Error) throw new CredentialError(`the SSH private key for ${this.host} is unusable: ${parsed.message}`);
  }

  get description(): string {
    return `ssh ${this.user}@${this.host}:${this.port}`;
  }

  private keyFromFile(uri: ParsedUri): string | Buffer {
    const file = pathParam(uri, 'keyfile');
    if (!file) throw new CredentialError(`no SSH private key for ${this.host}: pass ssh.privateKey`);
    if (!this.creds.allowKeyFile) throw new CredentialError(`keyfile= is only read with ssh.allowKeyFile; pass the key as ssh.privateKey`);
    try {
      return readFileSync(file);
    } catch (err) {
      throw new CredentialError(`cannot read keyfile ${file}: ${(err as Error).message}`);
    }
  }

  dial(signal?: AbortSignal): Promise<Duplex> {
    const ssh = new ssh2.Client();
    const timeoutMs = this.creds.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
    const opts = { signal, timeoutMs, timeoutMessage: `${this.description} did not open the tunnel in time`, cleanup: () => ssh.destroy() };
    return dialAttempt<Duplex>(this.description, opts, (steps) => {
      let hostKeyError: HostKeyError | null = null;
      const config: ConnectConfig = {
        host: this.host,
        port: this.port,
        username: this.user,
        privateKey: this.privateKey,
        passphrase: this.creds.passphrase,
        readyTimeout: timeoutMs,
        // Liveness is libvirt's keepalive's job, above the tunnel.
        keepaliveInterval: 0,
        hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
          checkHostKey(this.creds.hostKey, `${this.host}:${this.port}`, sshFingerprint(key), this.noVerify).then(
            () => verify(true),
            (err: unknown) => {
              hostKeyError = err instanceof HostKeyError ? err : null;
              if (!hostKeyError) steps.fail(new ConnectionError('dial-failed', `checking the host key of ${this.description} failed: ${String(err)}`));
              verify(false);
            },
          );
        },
      };
      ssh.on('error', (err: Error & { level?: string }) => steps.fail(hostKeyError ?? describeSshError(err, this.description)));
      ssh.on('close', () =>
        steps.fail(hostKeyError ?? new ConnectionError('dial-failed', `${this.description} closed the connection during the SSH handshake`)),
      );
      ssh.on('ready', () => {
        ssh.exec(this.command, (err: Error | undefined, channel: ClientChannel) => {
          if (err)
            return steps.fail(new ConnectionError('dial-failed', `${this.description} refused to run the libvirt proxy: ${err.message}`, { cause: err }));
          ssh.removeAllListeners('error');
          ssh.removeAllListeners('close');
          if (!steps.succeed(new SshTunnel(channel, ssh, this.description))) channel.close();
        });
      });
      ssh.connect(config);
    });
  }
}

/** ssh2's errors carry a level: where in the connection it failed. */
function describeSshError(err: Error & { level?: string }, what: string): ConnectionError {
  const why =
    err.level === 'client-authentication'
      ? `${what} refused our key (authentication failed)`
      : err.level === 'client-timeout'
        ? `${what} did not complete the SSH handshake in time`
        : `cannot connect to ${what}: ${err.message}`;
  return new ConnectionError('dial-failed', why, { cause: err });
}
