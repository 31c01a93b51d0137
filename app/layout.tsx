import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_COOKIE, themeAttribute, themeFromCookie } from '@/components/layout/theme';
import './globals.css';

// Every page is rendered per request, the built-in 404 too: the server's per-request CSP nonce (server/security-
// headers.ts) can only reach Next's inline scripts when they are rendered for that request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: { default: 'Vireo', template: '%s · Vireo' }, description: 'Virtual machines through libvirt' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme the user chose is known before the first byte: no script has to fix the colours after paint.
  const theme = themeAttribute(themeFromCookie((await cookies()).get(THEME_COOKIE)?.value));
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
