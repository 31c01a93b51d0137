'use client';

import { diffLines } from 'diff';

/** Line diff of a saved definition before and after an edit; unchanged runs are folded. */
export function XmlDiff({ before, after }: { before: string; after: string }) {
  const parts = diffLines(before, after);
  const changed = parts.some((p) => p.added || p.removed);
  if (!changed)
    return (
      <p className="text-sm text-slate-600" data-testid="xml-diff">
        No changes.
      </p>
    );
  return (
    <pre data-testid="xml-diff" className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white p-2 font-mono text-xs leading-5">
      {parts.map((p, i) => {
        const lines = p.value.replace(/\n$/, '').split('\n');
        if (!p.added && !p.removed) {
          const shown = lines.length > 6 ? [...lines.slice(0, 2), `… ${lines.length - 4} unchanged lines …`, ...lines.slice(-2)] : lines;
          return shown.map((l, j) => (
            <div key={`${i}-${j}`} className="text-slate-500">
              {'  '}
              {l}
            </div>
          ));
        }
        return lines.map((l, j) => (
          <div key={`${i}-${j}`} className={p.added ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-900'}>
            {p.added ? '+ ' : '- '}
            {l}
          </div>
        ));
      })}
    </pre>
  );
}
