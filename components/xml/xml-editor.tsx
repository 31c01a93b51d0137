'use client';

import { useState } from 'react';
import type { Touch } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProblemNote } from '@/components/ui/problem-note';
import { XmlDiff } from './xml-diff';

// The XML of a libvirt object (a VM, a network): its saved and running definitions to read, and an edit of the
// saved one that is applied only after its difference was reviewed. libvirt judges the result; its refusal is
// shown beside the editor and nothing is changed.

export interface XmlWords {
  /** Tab of the saved definition. */
  saved: string;
  /** Tab of the running definition. */
  live: string;
  /** Why the running definition cannot be shown. */
  liveAbsent: string;
  editButton: string;
  /** The editor's accessible name. */
  editor: string;
  /** Said after a save; `running` when a running object keeps its old definition until restarted. */
  savedNote: (running: boolean) => string;
}

type Mode = 'view' | 'edit' | 'review';

export function XmlEditor({
  live,
  inactive,
  canEdit,
  saveUrl,
  touches,
  words,
  firstView = 'inactive',
}: {
  live: string | null;
  inactive: string;
  canEdit: boolean;
  /** PUT { xml } replaces the saved definition. */
  saveUrl: string;
  /** Cached answers a save makes stale (the object's detail, its list). */
  touches: readonly Touch[];
  words: XmlWords;
  firstView?: 'inactive' | 'live';
}) {
  const [which, setWhich] = useState<'inactive' | 'live'>(firstView === 'live' && live ? 'live' : 'inactive');
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(inactive);
  const [saved, setSaved] = useState(false);
  const save = useMutation();

  async function apply() {
    const r = await save.send(saveUrl, { method: 'PUT', body: { xml: draft }, touches });
    if (r.ok) {
      setSaved(true);
      setMode('view');
      setWhich('inactive');
    } else setMode('edit');
  }

  if (mode === 'view') {
    const shown = which === 'live' && live ? live : inactive;
    return (
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <div role="tablist" className="inline-flex rounded-md border border-slate-300 text-sm">
            <button
              type="button"
              role="tab"
              aria-selected={which === 'inactive'}
              className={`px-3 py-1 ${which === 'inactive' ? 'bg-ink-800 text-white' : ''}`}
              onClick={() => setWhich('inactive')}
            >
              {words.saved}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={which === 'live'}
              disabled={!live}
              title={live ? '' : words.liveAbsent}
              className={`px-3 py-1 disabled:text-slate-400 ${which === 'live' ? 'bg-ink-800 text-white' : ''}`}
              onClick={() => setWhich('live')}
            >
              {words.live}
            </button>
          </div>
          {canEdit ? (
            <Button
              variant="primary"
              onClick={() => {
                setDraft(inactive);
                save.reset();
                setSaved(false);
                setMode('edit');
              }}
            >
              {words.editButton}
            </Button>
          ) : null}
        </div>
        {saved ? (
          <Alert tone="info" testId="xml-saved">
            {words.savedNote(live !== null)}
          </Alert>
        ) : null}
        <pre data-testid="xml-view" className="max-h-[36rem] overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs">
          {shown}
        </pre>
      </div>
    );
  }

  return (
    <div className="grid gap-3 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-2">
        {mode === 'edit' ? (
          <textarea
            aria-label={words.editor}
            data-testid="xml-editor"
            spellCheck={false}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              save.reset();
            }}
            className="h-[32rem] w-full rounded-md border border-slate-300 p-3 font-mono text-xs"
          />
        ) : (
          <XmlDiff before={inactive} after={draft} />
        )}
      </div>
      <aside className="space-y-3">
        {save.problem ? (
          <div data-testid="xml-error">
            <ProblemNote problem={save.problem} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            {mode === 'edit'
              ? 'Edit the definition, then review the difference before applying it. libvirt validates it against its schema.'
              : 'Review the changes. Nothing is applied until you press Apply.'}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {mode === 'edit' ? (
            <Button
              variant="primary"
              onClick={() => {
                save.reset();
                setMode('review');
              }}
            >
              Review changes
            </Button>
          ) : (
            <>
              <Button variant="primary" onClick={() => void apply()} disabled={save.busy || draft === inactive}>
                {save.busy ? 'Applying…' : 'Apply'}
              </Button>
              <Button onClick={() => setMode('edit')} disabled={save.busy}>
                Back to editing
              </Button>
            </>
          )}
          <Button
            onClick={() => {
              setMode('view');
              save.reset();
            }}
            disabled={save.busy}
          >
            Cancel
          </Button>
        </div>
      </aside>
    </div>
  );
}
