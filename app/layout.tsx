import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// Every page is rendered per request, the built-in 404 too: the server's per-request CSP nonce (server/security-
// headers.ts) can only reach Next's inline scripts when they are rendered for that request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: { default: 'Vireo', template: '%s · Vireo' }, description: 'Virtual machines through libvirt' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
