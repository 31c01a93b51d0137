import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { ensureTestLibvirtd } from '../test/support/test-libvirtd';
import type { BenchCase, BenchResult } from './types';

// Runs every bench/cases/*.ts (or those named on the command line) and prints one JSON line per result.
const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const only = process.argv.slice(2);

function line(r: BenchResult): string {
  const ratio = r.anchor > 0 ? Number((r.vireo / r.anchor).toFixed(3)) : null;
  return JSON.stringify({
    bench: r.bench,
    vireo: round(r.vireo),
    anchor: round(r.anchor),
    unit: r.unit,
    ratio,
    anchorName: r.anchorName,
    ...(r.detail ? { detail: r.detail } : {}),
  });
}

function round(n: number): number {
  return Number(n.toPrecision(4));
}

// The cases define hundreds of domains and boot guests: on the test suite's own libvirtd, never the host's.
await ensureTestLibvirtd();
const files = (await readdir(casesDir)).filter((f) => f.endsWith('.ts')).sort();
let failed = 0;
for (const file of files) {
  const name = path.basename(file, '.ts');
  if (only.length && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(path.join(casesDir, file)).href)) as { default: BenchCase };
  try {
    for (const r of await mod.default()) console.log(line(r));
  } catch (err) {
    failed++;
    console.error(JSON.stringify({ bench: name, error: String((err as Error)?.stack ?? err) }));
  }
}
process.exitCode = failed ? 1 : 0;
