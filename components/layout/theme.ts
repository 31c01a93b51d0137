// The user's theme choice lives in a cookie, so the server can render <html data-theme> with the first byte and no
// script has to run before paint (the Content-Security-Policy allows none without its nonce). No cookie, or one
// saying "system", leaves the choice to the system setting (prefers-color-scheme, see app/theme.css).

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_COOKIE = 'vireo_theme';

/** Two years: a choice is remembered until changed. */
const MAX_AGE_S = 2 * 365 * 24 * 3600;

/** The choice a cookie value names; anything else is the system's. */
export function themeFromCookie(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The root's data-theme for a choice: none when the system decides. */
export function themeAttribute(choice: ThemeChoice): 'light' | 'dark' | undefined {
  return choice === 'system' ? undefined : choice;
}

/** The Set-Cookie text the browser writes for a choice (document.cookie); "system" clears it. */
export function themeCookie(choice: ThemeChoice, secure: boolean): string {
  const flags = `; Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
  return choice === 'system' ? `${THEME_COOKIE}=${flags}; Max-Age=0` : `${THEME_COOKIE}=${choice}${flags}; Max-Age=${MAX_AGE_S}`;
}
