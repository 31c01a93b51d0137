import type { ReactNode } from 'react';
import { requirePageUser } from '@/app/_server/page-user';
import { NavBar } from '@/components/layout/nav-bar';
import { DataProvider } from '@/components/data/provider';
import { LiveProvider } from '@/components/live/live-provider';
import { LibvirtBanner } from '@/components/live/libvirt-banner';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <DataProvider>
      <LiveProvider>
        <NavBar user={user} />
        <LibvirtBanner />
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </LiveProvider>
    </DataProvider>
  );
}
