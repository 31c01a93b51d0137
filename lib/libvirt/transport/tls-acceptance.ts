import type { Duplex } from 'node:stream';
import { ConnectionError } from '../errors';
import { describeTlsError } from './tls-errors';

/** What libvirtd sends, encrypted, once it has accepted a TLS client: one byte, 1. */
export const TLS_ACCEPTED = 0x01;

/**
 * Waits for libvirtd's acceptance byte after the TLS handshake. Takes exactly one byte off the stream (anything
 * after it stays buffered for the RPC layer), and turns every other outcome into a ConnectionError saying why: the
 * daemon closing on us is how it refuses our certificate (wrong CA, not in tls_allowed_dn_list).
 */
export function readAcceptance(sock: Duplex, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: ConnectionError) => {
      sock.off('readable', onReadable);
      sock.off('end', onEnd);
      sock.off('close', onEnd);
      sock.off('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onReadable = () => {
      const byte = sock.read(1) as Buffer | null;
      if (byte === null) return;
      if (byte[0] === TLS_ACCEPTED) return done();
      done(
        new ConnectionError(
          'protocol',
          `${what} sent 0x${byte[0]!.toString(16).padStart(2, '0')} where libvirtd sends its acceptance byte 0x01: is this a libvirtd TLS listener?`,
        ),
      );
    };
    const onEnd = () =>
      done(
        new ConnectionError(
          'dial-failed',
          `${what} closed the connection after the TLS handshake instead of accepting it: libvirtd refuses a client ` +
            `certificate it does not trust or whose name is not in its tls_allowed_dn_list`,
        ),
      );
    const onError = (err: Error) => done(describeTlsError(err, what, what));
    sock.on('readable', onReadable);
    sock.once('end', onEnd);
    sock.once('close', onEnd);
    sock.once('error', onError);
  });
}
