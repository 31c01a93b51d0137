import type { AuditRow } from '@/components/data/types';
import { detailView, reasonOf } from './detail-lines';

// One entry's details in the audit log: why it failed (libvirt's reason, as the user saw it), the change's own
// summary, then what was asked and what took effect, one line each.

export function AuditDetail({ row }: { row: Pick<AuditRow, 'id' | 'error' | 'detail'> }) {
  const v = detailView(row.detail);
  const reason = row.error ? reasonOf(row.error) : null;
  if (!row.error && !v.summary && !v.lines.length && !v.raw) return null;
  return (
    <div className="space-y-1 text-xs" data-testid={`audit-detail-${row.id}`}>
      {reason ? (
        <p className="text-red-800" data-testid="audit-reason">
          <span className="font-medium">Reason: </span>
          {reason.text}
          {reason.code ? <span className="ml-1 font-mono text-slate-500">({reason.code})</span> : null}
        </p>
      ) : null}
      {v.summary ? <p className="text-slate-800">{v.summary}</p> : null}
      {v.lines.length ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
          {v.lines.map((l, i) => (
            <div key={i} className="contents" data-key={l.key}>
              <dt className="text-slate-500">{l.key}</dt>
              <dd className={`wrap-anywhere ${l.tone === 'refused' ? 'text-red-800' : l.tone === 'ok' ? 'text-emerald-800' : 'text-slate-800'}`}>{l.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {v.raw ? <p className="font-mono wrap-anywhere text-slate-600">{v.raw}</p> : null}
    </div>
  );
}
