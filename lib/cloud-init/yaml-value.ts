import type { Document } from 'yaml';

// Raw YAML typed by a person becomes plain data here, bounded: anchors and aliases may repeat a node, but not
// without limit (a "billion laughs" document), and not inside itself (a value that contains itself cannot be
// written back out as a seed).

/** Alias expansions allowed per document: plenty for hand-written cloud-config, far from an exhaustion attack. */
export const MAX_ALIASES = 100;

export type PlainValue = { ok: true; value: unknown } | { ok: false; message: string };

function containsItself(value: unknown, ancestors = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
  const found = children.some((c) => containsItself(c, ancestors));
  ancestors.delete(value);
  return found;
}

export function plainValue(doc: Document): PlainValue {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return {
      ok: false,
      message: `The YAML cannot be expanded: ${(err as Error).message.split('\n')[0]} (anchors and aliases may repeat a value at most ${MAX_ALIASES} times).`,
    };
  }
  if (containsItself(value))
    return { ok: false, message: 'An alias refers to a node that contains it; a value that contains itself cannot be written into the seed.' };
  return { ok: true, value };
}
