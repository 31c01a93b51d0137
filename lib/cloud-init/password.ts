import { randomBytes } from 'node:crypto';
import { encrypt, verify } from 'unixcrypt';

// cloud-init's `passwd`/`hashed_passwd` take a crypt(3) hash; Vireo only ever stores SHA-512 crypt ("$6$"), never
// the password. unixcrypt implements Drepper's SHA-crypt specification (checked against its test vectors).

const SALT_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function sha512CryptSalt(): string {
  return [...randomBytes(16)].map((b) => SALT_CHARS[b & 63]).join('');
}

export function hashPassword(plain: string, salt = sha512CryptSalt()): string {
  if (!plain) throw new Error('An empty password cannot be hashed.');
  return encrypt(plain, `$6$${salt}`);
}

export function checkPassword(plain: string, hash: string): boolean {
  return verify(plain, hash);
}

export function isCryptHash(s: string): boolean {
  return /^\$(6|5|y|2[aby]?|1)\$/.test(s);
}
