import { ConnectionError } from '../errors';

/**
 * A TLS failure said plainly. OpenSSL's verification codes (no ERR_ prefix) are about the daemon's certificate as
 * we checked it; an alert (ERR_SSL_..._ALERT_...) is the daemon refusing us, usually our client certificate.
 */
export function describeTlsError(err: Error & { code?: string }, what: string, name: string): ConnectionError {
  const code = err.code ?? '';
  let why: string;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') why = `the certificate of ${what} is not for ${name}: ${err.message}`;
  else if (code.includes('_ALERT_')) why = `${what} refused the TLS handshake (${alertName(code)}): does it trust our client certificate?`;
  else if (code === 'ECONNREFUSED') why = `${what} refused the connection (is libvirtd listening for TLS there?)`;
  else if (code && !code.startsWith('ERR_') && !/^E[A-Z]+$/.test(code)) why = `the certificate of ${what} could not be verified with the given CA (${code})`;
  else why = `cannot connect to ${what}: ${err.message}`;
  return new ConnectionError('dial-failed', why, { cause: err });
}

/** ERR_SSL_TLSV1_ALERT_UNKNOWN_CA → "alert unknown ca". */
function alertName(code: string): string {
  return `alert ${code
    .replace(/^.*_ALERT_/, '')
    .toLowerCase()
    .replaceAll('_', ' ')}`;
}
