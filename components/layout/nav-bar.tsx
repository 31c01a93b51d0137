import Link from 'next/link';
import { can } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { LogoutButton } from './logout-button';

export function NavBar({ user }: { user: SessionUser }) {
  const links = [
    { href: '/', label: 'Host' },
    { href: '/host/readiness', label: 'Readiness' },
    { href: '/vms', label: 'Virtual machines' },
    { href: '/networks', label: 'Networks' },
    { href: '/storage', label: 'Storage' },
    ...(can(user.role, 'audit.read') ? [{ href: '/audit', label: 'Audit log' }] : []),
    ...(can(user.role, 'users.manage') ? [{ href: '/users', label: 'Users' }] : []),
  ];
  return (
    <header className="bg-slate-800 text-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-2">
        <Link href="/" className="text-lg font-bold tracking-tight text-sky-300">
          Vireo
        </Link>
        <nav className="flex gap-1 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="current-user">
            {user.username} <span className="rounded bg-slate-700 px-1.5 py-0.5 text-xs">{user.role}</span>
          </span>
          <Link href="/account" className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
            Account
          </Link>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
