'use client';

import { api } from '@/components/api-client';
import { reloadAt } from '@/components/navigation';

export function LogoutButton() {
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sm text-ink-200 hover:bg-ink-700"
      onClick={async () => {
        await api('/api/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
        reloadAt('/login');
      }}
    >
      Sign out
    </button>
  );
}
