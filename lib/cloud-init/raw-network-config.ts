import { isMap, parseDocument } from 'yaml';
import type { RawProblem } from './raw-user-data';
import { plainValue } from './yaml-value';

// Raw network-config typed by a person (the advanced editor): netplan-style version 2, or cloud-init's version 1,
// checked like raw user-data — YAML that parses, a mapping, a known version and only the keys that version has.

const V2_KEYS = new Set(['version', 'renderer', 'ethernets', 'bonds', 'bridges', 'vlans', 'wifis']);
const V1_KEYS = new Set(['version', 'config']);

export type RawNetworkResult = { ok: true; config: Record<string, unknown> | null } | { ok: false; problems: RawProblem[] };

export function parseRawNetworkConfig(text: string): RawNetworkResult {
  if (!text.trim()) return { ok: true, config: null };
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) return { ok: false, problems: doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? null, message: e.message.split('\n')[0]! })) };
  if (!isMap(doc.contents)) return { ok: false, problems: [{ line: null, message: 'network-config must be a mapping with "version:" at the top.' }] };
  const plain = plainValue(doc);
  if (!plain.ok) return { ok: false, problems: [{ line: null, message: plain.message }] };
  const config = plain.value as Record<string, unknown>;
  const version = config.version;
  if (version !== 1 && version !== 2)
    return { ok: false, problems: [{ line: null, message: 'network-config needs "version: 2" (netplan style) or "version: 1".' }] };
  const known = version === 2 ? V2_KEYS : V1_KEYS;
  const problems: RawProblem[] = Object.keys(config)
    .filter((k) => !known.has(k))
    .map((k) => ({ line: null, message: `"${k}" is not a top-level key of network-config version ${version}.` }));
  if (version === 2 && !['ethernets', 'bonds', 'bridges', 'vlans', 'wifis'].some((k) => k in config)) {
    problems.push({ line: null, message: 'A version 2 network-config describes at least one of ethernets, bonds, bridges, vlans or wifis.' });
  }
  for (const section of ['ethernets', 'bonds', 'bridges', 'vlans', 'wifis']) {
    if (section in config && (config[section] === null || typeof config[section] !== 'object' || Array.isArray(config[section]))) {
      problems.push({ line: null, message: `"${section}" must be a mapping of interface names.` });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, config };
}
