import { describe, expect, it } from 'vitest';
import { themeAttribute, themeCookie, themeFromCookie } from './theme';

describe('theme choice', () => {
  it('reads only light and dark from the cookie; anything else is the system setting', () => {
    expect(themeFromCookie('light')).toBe('light');
    expect(themeFromCookie('dark')).toBe('dark');
    for (const v of [undefined, '', 'system', 'DARK', 'dark; x=1', '<script>']) expect(themeFromCookie(v)).toBe('system');
  });

  it('puts data-theme on the root only for an explicit choice', () => {
    expect(themeAttribute('dark')).toBe('dark');
    expect(themeAttribute('light')).toBe('light');
    expect(themeAttribute('system')).toBeUndefined();
  });

  it('remembers a choice for two years and forgets "system"', () => {
    expect(themeCookie('dark', true)).toBe('vireo_theme=dark; Path=/; SameSite=Lax; Secure; Max-Age=63072000');
    expect(themeCookie('light', false)).toBe('vireo_theme=light; Path=/; SameSite=Lax; Max-Age=63072000');
    expect(themeCookie('system', true)).toBe('vireo_theme=; Path=/; SameSite=Lax; Secure; Max-Age=0');
  });
});
