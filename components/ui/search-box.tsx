'use client';

import { useEffect, useRef, type InputHTMLAttributes } from 'react';

// The search field of a list page. "/" anywhere on the page (outside another field) jumps into it, as on GitHub
// and in many consoles; a key cap in the empty box says so.

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'aria-label'> & {
  label: string;
  onChange: (value: string) => void;
};

/** Whether a key press is typing into something (a field, an editor) rather than a shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.xterm, [role="application"]') !== null;
}

export function SearchBox({ label, onChange, placeholder = 'Search', className = '', ...rest }: Props) {
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
    <span className={`relative inline-block ${className}`}>
      <input
        ref={ref}
        type="search"
        aria-label={label}
        aria-keyshortcuts="/"
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        className="peer w-full rounded-md border border-slate-300 bg-white py-1.5 pl-3 pr-8 text-sm"
        {...rest}
      />
      {/* The shortcut, shown while the box is empty and not focused. */}
      <kbd
        aria-hidden
        className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-slate-300 px-1.5 font-mono text-xs text-slate-500 peer-placeholder-shown:block peer-focus:hidden"
      >
        /
      </kbd>
    </span>
  );
}
