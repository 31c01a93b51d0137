'use client';

import { useState } from 'react';
import { api } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { XmlDiff } from './xml-diff';

type Mode = 'view' | 'edit' | 'review';

export function XmlPanel({ name, live, inactive, canEdit, onSaved }: {
  name: string; live: string | null; inactive: string; canEdit: boolean; onSaved: () => Promise<void>;
}) {
  const [which, setWhich] = useState<'inactive' | 'live'>('inactive');
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(inactive);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/vms/${encodeURIComponent(name)}/xml`, { method: 'PUT', body: { xml: draft } });
      await onSaved();
      setSaved(true);
      setMode('view');
      setWhich('inactive');
    } catch (err) {
      setError((err as Error).message);
      setMode('edit');
    } finally {
      setBusy(false);
    }
  }

  if (mode === 'view') {
    const shown = which === 'live' && live ? live : inactive;
    return (
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <div role="tablist" className="inline-flex rounded-md border border-slate-300 text-sm">
            <button type="button" role="tab" aria-selected={which === 'inactive'} className={`px-3 py-1 ${which === 'inactive' ? 'bg-slate-800 text-white' : ''}`} onClick={() => setWhich('inactive')}>
              Persistent definition
            </button>
            <button type="button" role="tab" aria-selected={which === 'live'} disabled={!live} title={live ? '' : 'Only while running'} className={`px-3 py-1 disabled:text-slate-400 ${which === 'live' ? 'bg-slate-800 text-white' : ''}`} onClick={() => setWhich('live')}>
              Live
            </button>
          </div>
          {canEdit ? (
            <Button variant="primary" onClick={() => { setDraft(inactive); setError(null); setSaved(false); setMode('edit'); }}>
              Edit persistent XML
            </Button>
          ) : null}
        </div>
        {saved ? <Alert tone="info" testId="xml-saved">Definition saved.{live ? ' Changes apply at the next start of the virtual machine.' : ''}</Alert> : null}
        <pre data-testid="xml-view" className="max-h-[36rem] overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs">{shown}</pre>
      </div>
    );
  }

  return (
    <div className="grid gap-3 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-2">
        {mode === 'edit' ? (
          <textarea
            aria-label="Persistent XML"
            data-testid="xml-editor"
            spellCheck={false}
            value={draft}
            onChange={(e) => { setDraft(e.target.value); setError(null); }}
            className="h-[32rem] w-full rounded-md border border-slate-300 p-3 font-mono text-xs"
          />
        ) : (
          <XmlDiff before={inactive} after={draft} />
        )}
      </div>
      <aside className="space-y-3">
        {error ? <div data-testid="xml-error"><Alert>{error}</Alert></div> : (
          <p className="text-sm text-slate-600">
            {mode === 'edit' ? 'Edit the definition, then review the difference before applying it. libvirt validates it against its schema.' : 'Review the changes. Nothing is applied until you press Apply.'}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {mode === 'edit' ? (
            <Button variant="primary" onClick={() => { setError(null); setMode('review'); }}>Review changes</Button>
          ) : (
            <>
              <Button variant="primary" onClick={() => void apply()} disabled={busy || draft === inactive}>{busy ? 'Applying…' : 'Apply'}</Button>
              <Button onClick={() => setMode('edit')} disabled={busy}>Back to editing</Button>
            </>
          )}
          <Button onClick={() => { setMode('view'); setError(null); }} disabled={busy}>Cancel</Button>
        </div>
      </aside>
    </div>
  );
}
