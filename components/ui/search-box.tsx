'use client';

import { useEffect, useRef, type InputHTMLAttributes } from 'react';

// The search field of a list page. "/" anywhere on the page (outside another field) jumps into it, as on GitHub
// and in many consoles; the placeholder says so.

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'aria-label'> & {
  label: string;
  onChange: (value: string) => void;
};

/** Whether a key press is typing into something (a field, an editor) rather than a shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.xterm, [role="application"]') !== null;
}

export function SearchBox({ label, onChange, placeholder, className = '', ...rest }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <input
      ref={ref}
      type="search"
      aria-label={label}
      aria-keyshortcuts="/"
      placeholder={placeholder ? `${placeholder} (press /)` : 'Search (press /)'}
      onChange={(e) => onChange(e.target.value)}
      className={`rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm ${className}`}
      {...rest}
    />
  );
}
