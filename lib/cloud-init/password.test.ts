import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, isCryptHash } from './password';

describe('SHA-512 crypt', () => {
  // Test vectors from Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512" specification.
  it("matches the specification's vectors", () => {
    expect(hashPassword('Hello world!', 'saltstring')).toBe(
      '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1',
    );
    expect(hashPassword('Hello world!', 'rounds=10000$saltstringsaltstring')).toBe(
      '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
    );
    expect(hashPassword('we have a short salt string but not a short password', 'rounds=77777$short')).toBe(
      '$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0',
    );
  });

  it('makes a fresh salt each time and verifies', () => {
    const a = hashPassword('s3cret');
    const b = hashPassword('s3cret');
    expect(a).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(a).not.toBe(b);
    expect(checkPassword('s3cret', a)).toBe(true);
    expect(checkPassword('wrong', a)).toBe(false);
    expect(isCryptHash(a)).toBe(true);
    expect(isCryptHash('s3cret')).toBe(false);
  });
});
