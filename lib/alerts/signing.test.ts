import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './signing';

describe('webhook signatures', () => {
  const body = JSON.stringify({ version: '4', status: 'firing' });

  it('are HMAC-SHA256 of the exact body, hex, after "sha256="', () => {
    // Computed independently of signBody, as a receiver would.
    const expected = createHmac('sha256', 'topsecret-topsecret').update(Buffer.from(body)).digest('hex');
    expect(signBody('topsecret-topsecret', body)).toBe(`sha256=${expected}`);
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('verify only with the same secret and the same body', () => {
    const sig = signBody('s3cret-s3cret-s3cret', body);
    expect(verifySignature('s3cret-s3cret-s3cret', body, sig)).toBe(true);
    expect(verifySignature('other-secret-other', body, sig)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', `${body} `, sig)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', body, null)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', body, 'sha256=00')).toBe(false);
  });
});
