import { describe, expect, it } from 'vitest';
import { describeTlsError } from './tls-errors';

const err = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('describeTlsError', () => {
  it.each([
    ['ERR_TLS_CERT_ALTNAME_INVALID', /is not for vireo-h1/],
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', /refused the TLS handshake \(alert unknown ca\)/],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', /alert certificate required/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /could not be verified with the given CA \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /could not be verified/],
    ['CERT_HAS_EXPIRED', /could not be verified/],
    ['ECONNREFUSED', /refused the connection/],
    ['ECONNRESET', /cannot connect to tls h:1: ECONNRESET/],
  ])('%s', (code, message) => {
    const e = describeTlsError(err(code), 'tls h:1', 'vireo-h1');
    expect(e).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
    expect(e.message).toMatch(message);
    expect(e.cause).toBeInstanceOf(Error);
  });
});
