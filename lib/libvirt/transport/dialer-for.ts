import type { Dialer } from './dialer';
import { TcpDialer, UnixDialer, localSocketPath } from './socket-dialers';
import { SshDialer, type SshCredentials } from './ssh-dialer';
import { TlsDialer, type TlsCredentials } from './tls-dialer';
import { DEFAULT_PORTS, type ParsedUri } from './uri';

/** Key material for the transports that need it (ClientOptions.ssh / .tls); unused by the others. */
export interface TransportCredentials {
  ssh?: SshCredentials;
  tls?: TlsCredentials;
}

/** The dialer a URI names. Throws UriError / CredentialError at once when the URI or the credentials cannot work. */
export function dialerFor(uri: ParsedUri, readOnly: boolean, creds: TransportCredentials = {}): Dialer {
  switch (uri.transport) {
    case 'unix':
      return new UnixDialer(localSocketPath(uri, readOnly));
    case 'tcp':
      return new TcpDialer(uri.host ?? '127.0.0.1', uri.port ?? DEFAULT_PORTS.tcp);
    case 'ssh':
      return new SshDialer(uri, readOnly, creds.ssh);
    case 'tls':
      return new TlsDialer(uri, creds.tls);
  }
}
