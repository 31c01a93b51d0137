'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';

// The top bar's links and the user's corner. Wide screens show them in one row; below the md breakpoint they fold
// into a Menu button that opens them as a column, so the bar never makes a phone's page wider than the phone.

export interface NavLink {
  href: string;
  label: string;
}

/** The section a path belongs to: /vms/web-01/console is under Virtual machines, / only itself. */
function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function NavMenu({ links, children }: { links: NavLink[]; children: ReactNode }) {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="ml-auto rounded border border-ink-700 px-2.5 py-1 text-sm text-ink-100 hover:bg-ink-700 md:hidden"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Close menu' : 'Menu'}
      </button>
      <div
        id="main-menu"
        data-testid="main-menu"
        className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-2 pb-2 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:pb-0`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
        // Following any link in it (a section, the account page) closes the menu.
        onClick={(e) => {
          if (e.target instanceof Element && e.target.closest('a')) setOpen(false);
        }}
      >
        <nav aria-label="Main" className="flex flex-col gap-1 text-sm md:flex-row">
          {links.map((l) => {
            const current = isCurrent(l.href, path);
            return (
              <Link
                key={l.href}
                href={l.href}
                aria-current={current ? 'page' : undefined}
                className={`rounded px-2 py-1 hover:bg-ink-700 ${current ? 'bg-ink-700 text-white' : 'text-ink-200'}`}
              >
                {l.label}
              </Link>
            );
          })}
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm md:ml-auto">{children}</div>
      </div>
    </>
  );
}
