import { describe, expect, it } from 'vitest';
import { checkImageUrl } from './url';
import { ImageSourceError } from './errors';

describe('checkImageUrl', () => {
  it('accepts http and https', () => {
    expect(checkImageUrl('https://cloud.debian.org/x.qcow2').hostname).toBe('cloud.debian.org');
    expect(checkImageUrl('http://127.0.0.1:8080/x.img').port).toBe('8080');
  });

  it.each(['file:///etc/passwd', 'ftp://h/x', 'javascript:alert(1)', 'data:,x', 'gopher://h/', 'not a url'])('refuses %s', (u) => {
    expect(() => checkImageUrl(u)).toThrow(ImageSourceError);
  });

  it('refuses credentials in the address', () => {
    expect(() => checkImageUrl('https://u:p@h/x')).toThrow(/user name or password/);
    expect(() => checkImageUrl('https://u@h/x')).toThrow(ImageSourceError);
  });
});
