import Link from 'next/link';
import { can } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { LogoutButton } from './logout-button';
import { NavMenu } from './nav-menu';
import { ThemeToggle } from './theme-toggle';

export function NavBar({ user }: { user: SessionUser }) {
  const links = [
    { href: '/', label: 'Host' },
    { href: '/hosts', label: 'Hosts' },
    { href: '/host/readiness', label: 'Readiness' },
    { href: '/vms', label: 'Virtual machines' },
    { href: '/networks', label: 'Networks' },
    { href: '/storage', label: 'Storage' },
    { href: '/backups', label: 'Backups' },
    { href: '/jobs', label: 'Jobs' },
    ...(can(user.role, 'alerts.read') ? [{ href: '/alerts', label: 'Alerts' }] : []),
    ...(can(user.role, 'audit.read') ? [{ href: '/audit', label: 'Audit log' }] : []),
    ...(can(user.role, 'users.manage') ? [{ href: '/users', label: 'Users' }] : []),
  ];
  return (
    <header className="bg-ink-800 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="text-lg font-bold tracking-tight text-sky-400">
          Vireo
        </Link>
        <NavMenu links={links}>
          <span data-testid="current-user">
            {user.username} <span className="rounded bg-ink-700 px-1.5 py-0.5 text-xs">{user.role}</span>
          </span>
          <Link href="/account" className="rounded px-2 py-1 text-ink-200 hover:bg-ink-700">
            Account
          </Link>
          <ThemeToggle />
          <LogoutButton />
        </NavMenu>
      </div>
    </header>
  );
}
