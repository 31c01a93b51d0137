import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_DEFS } from './prometheus';

// The shipped Grafana dashboards only ask for metrics /metrics exposes, so they cannot silently show "No data".

const dir = path.join(process.cwd(), 'docs/grafana');

function exprs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(exprs);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => ((k === 'expr' || k === 'definition') && typeof v === 'string' ? [v] : exprs(v)));
  }
  return [];
}

describe('docs/grafana dashboards', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('exist', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s reads only metrics Vireo exposes, always by the host label', (file) => {
    const all = exprs(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    const known = new Set(Object.values(METRIC_DEFS).map((d) => d.name));
    const used = new Set(all.flatMap((e) => e.match(/\blibvirt_[a-z_]+/g) ?? []));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((n) => !known.has(n))).toEqual([]);
    expect(all.filter((e) => e.includes('{') && !e.includes('host')).map((e) => e)).toEqual([]);
  });
});
