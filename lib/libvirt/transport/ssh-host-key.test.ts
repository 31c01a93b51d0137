import { describe, expect, it, vi } from 'vitest';
import { CredentialError } from './dialer';
import { checkHostKey, HostKeyError, normalizeFingerprint, sshFingerprint } from './ssh-host-key';

// A public key and its fingerprint as OpenSSH's ssh-keygen printed them (`ssh-keygen -lf key.pub`).
const blob = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIJK7XPJiuLmqbcetCGFVItBIQtq6lS8RHQRQsQnx5K6H', 'base64');
const fp = 'SHA256:cZPonwnGuAq6xXVyAVk8vgR23rG+SfV4QqvfUt8kdBI';
const other = 'SHA256:m0FkNR9pINS2hT43t8e5nHWGa+P60VvWxnnDiA2apiQ';

describe('sshFingerprint', () => {
  it('matches ssh-keygen', () => {
    expect(sshFingerprint(blob)).toBe(fp);
  });
});

describe('normalizeFingerprint', () => {
  it.each([fp, `${fp}=`, fp.slice('SHA256:'.length), `  ${fp}\n`])('accepts %j', (v) => {
    expect(normalizeFingerprint(v)).toBe(fp);
  });

  it.each(['', 'MD5:aa:bb', 'SHA256:short', `${fp}x`, 'SHA256:cZPonwnGuAq6xXVyAVk8vgR23rG+SfV4QqvfUt8kdB!'])('refuses %j', (v) => {
    expect(() => normalizeFingerprint(v)).toThrow(CredentialError);
  });
});

describe('checkHostKey', () => {
  it('a pinned key must match; no_verify does not override a pin', async () => {
    await expect(checkHostKey({ expected: fp }, 'h:22', fp, false)).resolves.toBeUndefined();
    const err = await checkHostKey({ expected: other }, 'h:22', fp, true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostKeyError);
    expect(err).toMatchObject({ kind: 'changed', host: 'h:22', fingerprint: fp, expected: other, reason: 'dial-failed', name: 'HostKeyError' });
    expect((err as Error).message).toMatch(/has changed: it presented SHA256:cZPo.*pinned is SHA256:m0Fk/);
  });

  it('without a pin, first contact decides, and is asked only then', async () => {
    const onFirstContact = vi.fn(async () => true);
    await checkHostKey({ onFirstContact }, 'h:22', fp, false);
    expect(onFirstContact).toHaveBeenCalledWith(fp, 'h:22');
    await expect(checkHostKey({ onFirstContact: () => false }, 'h:22', fp, true)).rejects.toMatchObject({ kind: 'rejected' });
    const asked = vi.fn(() => true);
    await checkHostKey({ expected: fp, onFirstContact: asked }, 'h:22', fp, false);
    expect(asked).not.toHaveBeenCalled();
  });

  it('nothing pinned and no one to ask: refused unless no_verify', async () => {
    await expect(checkHostKey(undefined, 'h:22', fp, false)).rejects.toMatchObject({ kind: 'unknown', message: expect.stringMatching(/not pinned/) });
    await expect(checkHostKey({}, 'h:22', fp, true)).resolves.toBeUndefined();
  });
});
