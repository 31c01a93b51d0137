import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fuzzParams, FUZZ_RUNS } from '@/test/support/fuzz';
import { InputError } from '@/lib/errors';
import { CONCAT_KEYS, mergeCloudConfig } from './merge';
import { parseRawNetworkConfig } from './raw-network-config';
import { parseRawUserData } from './raw-user-data';
import { buildSeedFiles } from './seed';

// Raw cloud-init typed by a person, fuzzed: the merge keeps its promises (merge.ts) for any keys, "__proto__"
// included; any raw text is either refused with problems to show or turned into seed files that read back as
// the merged config; nothing throws anything but an input error (a 422), and no anchor/alias trick makes the
// result huge or self-containing. FUZZ_RUNS (2,000) cases per property.

const json = (v: unknown) => JSON.stringify(v);
const KEYS = [
  'packages',
  'runcmd',
  'bootcmd',
  'write_files',
  'ssh_authorized_keys',
  'groups',
  'users',
  'hostname',
  'ssh_pwauth',
  '__proto__',
  'constructor',
  'toString',
];
const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
const userEntry = fc.oneof(
  fc.constantFrom('default', 'alice', 'bob'),
  fc.record({ name: fc.constantFrom('alice', 'bob', 'carol', 'default'), shell: fc.constantFrom('/bin/sh', '/bin/bash') }, { requiredKeys: [] }),
);
const value = fc.oneof(leaf, fc.array(fc.oneof(leaf, userEntry), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 4 }), leaf, { maxKeys: 3 }));
const config = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), value), { maxLength: 8 }).map((pairs) => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
});
const nameOf = (u: unknown) => (typeof u === 'string' ? u : (u as { name?: unknown } | null)?.name);

describe('mergeCloudConfig under fuzzing', () => {
  it(`keeps every promise of the merge, for any keys (${FUZZ_RUNS} cases)`, () => {
    fc.assert(
      fc.property(config, config, (form, raw) => {
        const out = mergeCloudConfig(form, raw);
        expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(new Set(Object.keys(out))).toEqual(new Set([...Object.keys(form), ...Object.keys(raw)]));
        for (const k of Object.keys(out)) {
          const [f, r, o] = [Object.hasOwn(form, k) ? form[k] : undefined, Object.hasOwn(raw, k) ? raw[k] : undefined, out[k]];
          if (!Object.hasOwn(raw, k)) expect(o).toBe(f);
          else if (k === 'users' && Array.isArray(f) && Array.isArray(r)) {
            const rawNames = new Set(r.map(nameOf).filter((n) => n && n !== 'default'));
            const merged = o as unknown[];
            expect(merged.slice(merged.length - r.length)).toEqual(r);
            expect(merged.slice(0, merged.length - r.length).some((u) => rawNames.has(nameOf(u)))).toBe(false);
          } else if (CONCAT_KEYS.has(k) && Array.isArray(f) && Array.isArray(r)) {
            expect((o as unknown[]).slice(0, f.length)).toEqual(f);
            const all = new Set((o as unknown[]).map(json));
            for (const x of r) expect(all.has(json(x))).toBe(true);
            const added = (o as unknown[]).slice(f.length).map(json);
            expect(new Set(added).size).toBe(added.length);
            for (const x of added) expect(f.map(json)).not.toContain(x);
          } else expect(o).toBe(r);
        }
      }),
      fuzzParams(),
    );
  }, 120_000);
});

/** Lines that look like cloud-config often enough to pass the checks, with YAML's sharper edges mixed in. */
const yamlLine = fc.oneof(
  fc.constantFrom(
    'packages: [curl, vim]',
    'runcmd:',
    '  - echo hi',
    '  - [ls, -l]',
    'hostname: web',
    'users:',
    '  - default',
    '  - name: alice',
    '    shell: /bin/bash',
    '    hashed_passwd: $6$salt$hash',
    '    passwd: hunter2',
    'password: plain',
    'write_files:',
    '  - path: /x',
    '    content: |',
    '      text',
    'anchor: &a [x, y]',
    'copy: *a',
    'runcmd: &r',
    '  - *r',
    'bootcmd: *nope',
    '__proto__: {polluted: 1}',
    'constructor: 1',
    '<<: {hostname: z}',
    'ssh_pwauth: !!binary aGk=',
    'x: !!set {a, b}',
    'groups: !custom [a]',
    '? [complex]: key',
    'hostname: "unterminated',
    '- just a list',
    '  bad indent:',
    '%YAML 1.1',
    '---',
    '...',
    'version: 2',
    'ethernets: {eth0: {dhcp4: true}}',
    'config: []',
    'version: 1',
    'bonds: nope',
    "'quoted key': 1",
    'a: &b {x: &c [*c]}',
  ),
  fc.string({ maxLength: 24 }),
);
const rawText = fc
  .tuple(fc.boolean(), fc.array(yamlLine, { maxLength: 12 }))
  .map(([header, lines]) => `${header ? '#cloud-config\n' : ''}${lines.join('\n')}\n`);

function bombOf(depth: number, width: number): string {
  let text = '#cloud-config\nwrite_files:\n  - &l0 [x]\n';
  for (let i = 1; i <= depth; i++)
    text += `  - &l${i} [${Array(width)
      .fill(`*l${i - 1}`)
      .join(', ')}]\n`;
  return text;
}

describe('raw cloud-init under fuzzing', () => {
  it(`refuses with problems or builds seed files that read back as the merge; only input errors (${FUZZ_RUNS} cases)`, () => {
    fc.assert(
      fc.property(rawText, rawText, (userData, networkConfig) => {
        const ud = parseRawUserData(userData);
        const net = parseRawNetworkConfig(networkConfig.replace('#cloud-config\n', ''));
        for (const r of [ud, net]) if (!r.ok) for (const p of r.problems) expect(p.message.length).toBeGreaterThan(0);
        let files: ReturnType<typeof buildSeedFiles>;
        try {
          files = buildSeedFiles({ hostname: 'fuzz', runcmd: ['echo form'], rawUserData: userData });
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          expect(ud.ok).toBe(false);
          return;
        }
        expect(ud.ok).toBe(true);
        expect(files['user-data'].length).toBeLessThan(64 * 1024);
        const back = parse(files['user-data']) as Record<string, unknown>;
        expect(back).toEqual(JSON.parse(json(mergeCloudConfig({ hostname: 'fuzz', runcmd: ['echo form'] }, ud.ok ? ud.config : {}))));
      }),
      fuzzParams(),
    );
  }, 120_000);

  it('refuses anchor bombs and self-containing aliases with a problem, in bounded time', () => {
    const started = Date.now();
    for (const text of [bombOf(9, 10), bombOf(30, 2), '#cloud-config\nruncmd: &r\n  - *r\n', '#cloud-config\nusers: &u [{name: a, groups: *u}]\n']) {
      const r = parseRawUserData(text);
      expect(r.ok, text).toBe(false);
      expect(() => buildSeedFiles({ hostname: 'h', rawUserData: text })).toThrow(InputError);
    }
    expect(parseRawNetworkConfig('version: 2\nethernets: &e {eth0: {x: *e}}\n').ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
