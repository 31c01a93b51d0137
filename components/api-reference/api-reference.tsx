// The API reference page: the generated OpenAPI document, grouped by tag, each operation with who may call it,
// its parameters and its body schema. Rendered on the server; the raw document is at /api/openapi.json.

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDoc {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation> | undefined>;
}

const METHOD_COLOURS: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  put: 'bg-amber-100 text-amber-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-rose-100 text-rose-900',
};

function byTag(doc: OpenApiDoc): Map<string, { method: string; path: string; op: Operation }[]> {
  const groups = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops ?? {})) {
      const tag = op.tags?.[0] ?? 'other';
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, op }]);
    }
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  return (
    <div className="space-y-6" data-testid="api-reference">
      <div>
        <h1 className="text-xl font-semibold">
          {doc.info.title} <span className="text-sm font-normal text-slate-500">{doc.info.version}</span>
        </h1>
        <p className="text-sm text-slate-600">
          Generated from the routes themselves. Machine-readable:{' '}
          <a className="text-sky-800 underline" href="/api/openapi.json">
            /api/openapi.json
          </a>
          . Changes need the session cookie and the <code>x-csrf-token</code> header.
        </p>
      </div>
      {[...byTag(doc)].map(([tag, ops]) => (
        <section key={tag} className="space-y-2">
          <h2 className="text-lg font-semibold capitalize">{tag}</h2>
          {ops.map(({ method, path, op }) => (
            <details key={`${method} ${path}`} className="rounded border border-slate-200 bg-white p-3">
              <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-sm">
                <span className={`rounded px-2 py-0.5 font-mono text-xs uppercase ${METHOD_COLOURS[method] ?? 'bg-slate-100'}`}>{method}</span>
                <code className="break-all">{path}</code>
                <span className="text-slate-600">{op.summary}</span>
              </summary>
              <div className="mt-2 space-y-2 text-sm">
                {op.description ? <p>{op.description}</p> : null}
                {op.parameters?.length ? (
                  <ul className="list-disc pl-5">
                    {op.parameters.map((p) => (
                      <li key={`${p.in}:${p.name}`}>
                        <code>{p.name}</code> ({p.in}
                        {p.required ? ', required' : ''})
                      </li>
                    ))}
                  </ul>
                ) : null}
                {Object.entries(op.requestBody?.content ?? {}).map(([type, media]) => (
                  <div key={type}>
                    <div className="text-xs text-slate-500">Body ({type})</div>
                    <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(media.schema, null, 2)}</pre>
                  </div>
                ))}
                <div className="text-xs text-slate-500">Answers: {Object.keys(op.responses ?? {}).join(', ')}</div>
              </div>
            </details>
          ))}
        </section>
      ))}
    </div>
  );
}
