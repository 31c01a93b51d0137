import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Dark mode works by re-pointing the palette (theme.css). A hue that theme.css does not list would stay light on a
// dark page: every hue a class name uses under app/ and components/ must be listed there.

const root = path.join(__dirname, '..');
const theme = readFileSync(path.join(__dirname, 'theme.css'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every colour utility's hue and shade, e.g. ['red', 700] for `hover:text-red-700`. */
function usedColours(): { hue: string; shade: number; utility: string }[] {
  const found: { hue: string; shade: number; utility: string }[] = [];
  for (const file of [...sources('app'), ...sources('components')]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\b(bg|text|border|ring|divide|outline|from|to|fill|stroke|accent)-([a-z]+)-(\d{2,3})\b/g))
      found.push({ utility: m[1]!, hue: m[2]!, shade: Number(m[3]) });
  }
  return found;
}

describe('the dark palette', () => {
  const used = usedColours();

  it('is found in the sources (the scan works)', () => {
    expect(used.some((c) => c.hue === 'slate')).toBe(true);
    expect(used.some((c) => c.hue === 'red' && c.utility === 'text')).toBe(true);
  });

  it('re-points every tint and slate shade a class name uses', () => {
    const missing = used
      .filter((c) => c.hue !== 'ink' && (c.hue === 'slate' || c.shade <= 300))
      .filter((c) => !theme.includes(`--color-${c.hue}-${c.shade}: light-dark(`));
    expect([...new Set(missing.map((c) => `${c.hue}-${c.shade}`))]).toEqual([]);
  });

  it('gives every strong shade used as text a light counterpart', () => {
    const missing = used
      .filter((c) => c.utility === 'text' && c.hue !== 'slate' && c.hue !== 'ink' && c.shade >= 600)
      .filter((c) => !theme.includes(`.text-${c.hue}-${c.shade} {`));
    expect([...new Set(missing.map((c) => `text-${c.hue}-${c.shade}`))]).toEqual([]);
  });

  it('keeps the ink colours fixed, for surfaces dark in both themes', () => {
    expect(theme).toMatch(/--color-ink-900: --theme\(--color-slate-900 inline\)/);
    expect(theme).not.toMatch(/--color-ink-\d+: light-dark/);
  });
});
