'use client';

import { useState } from 'react';
import { api } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** Live and saved XML; editing replaces the saved definition, which a running network takes on at restart. */
export function NetworkXmlPanel({ name, live, inactive, canEdit, onSaved }: { name: string; live: string | null; inactive: string; canEdit: boolean; onSaved: () => Promise<void> }) {
  const [which, setWhich] = useState<'live' | 'inactive'>(live ? 'live' : 'inactive');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/networks/${encodeURIComponent(name)}/xml`, { method: 'PUT', body: { xml: draft } });
      setDraft(null);
      setWhich('inactive');
      await onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="network-xml">
      <div className="mb-2 flex items-center gap-2">
        <h2 className="font-semibold">XML</h2>
        {draft === null ? (
          <>
            {live ? <Button className="px-2 py-0.5 text-xs" onClick={() => setWhich('live')} disabled={which === 'live'}>Running</Button> : null}
            <Button className="px-2 py-0.5 text-xs" onClick={() => setWhich('inactive')} disabled={which === 'inactive'}>Saved</Button>
            {canEdit ? <Button className="ml-auto px-2 py-0.5 text-xs" onClick={() => setDraft(inactive)}>Edit saved definition</Button> : null}
          </>
        ) : (
          <>
            <Button className="ml-auto px-2 py-0.5 text-xs" onClick={() => { setDraft(null); setError(null); }} disabled={busy}>Cancel</Button>
            <Button variant="primary" className="px-2 py-0.5 text-xs" onClick={() => void save()} disabled={busy}>Save definition</Button>
          </>
        )}
      </div>
      {error ? <div className="mb-2"><Alert>{error}</Alert></div> : null}
      {draft === null ? (
        <pre className="max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs">{which === 'live' && live ? live : inactive}</pre>
      ) : (
        <textarea aria-label="Network XML" value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} className="h-96 w-full rounded border border-slate-300 p-2 font-mono text-xs" />
      )}
    </section>
  );
}
