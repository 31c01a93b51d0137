import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { Domain } from './domain';
import { EDITS } from './golden/edits';
import { declaredModels, recordCoverage, XmlModel, type ModelClass } from './model';

// Golden files: golden/<case>-in.xml (real definitions: Vireo's wizard, virt-install, cockpit-style virt-install
// and libvirt's dumpxml; see golden/make-inputs.sh) → the model → the edits of golden/edits.ts → <case>-out.xml.
// UPDATE_GOLDEN=1 rewrites the outputs (review their diff). Every property the models declare must be read with a
// value from some input or written by some edit, so nothing modelled goes untested.

const run = promisify(execFile);
const DIR = path.join(import.meta.dirname, 'golden');
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('-in.xml'))
  .map((f) => f.slice(0, -'-in.xml'.length))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';
const exercised = new Set<string>();

/** Reads every property of a model and of the children it has, so coverage sees what the input holds. */
function visit(m: XmlModel): void {
  const props = (m.constructor as ModelClass<XmlModel>).props;
  for (const key of Object.keys(props)) {
    const v = (m as unknown as Record<string, unknown>)[key];
    if (v instanceof XmlModel && v.exists) visit(v);
    else if (Array.isArray(v)) v.forEach((c: XmlModel) => visit(c));
  }
}

describe('golden domains', () => {
  afterAll(() => recordCoverage(null));

  it('has inputs of every origin', () => {
    for (const origin of ['vireo-', 'virtinst-', 'cockpit-', 'libvirt-']) expect(CASES.some((c) => c.startsWith(origin))).toBe(true);
    expect(Object.keys(EDITS).filter((c) => !CASES.includes(c))).toEqual([]);
  });

  it.each(CASES)('%s: in → model → edits → out', (name) => {
    const input = readFileSync(path.join(DIR, `${name}-in.xml`), 'utf8');
    recordCoverage(exercised);
    const d = Domain.parse(input);
    visit(d);
    EDITS[name]?.(d);
    recordCoverage(null);
    const out = `${d.toXml()}\n`;
    const outFile = path.join(DIR, `${name}-out.xml`);
    if (update) writeFileSync(outFile, out);
    expect(out).toBe(readFileSync(outFile, 'utf8'));
    // Without edits, nothing changes but the quoting of the serializer.
    if (!EDITS[name]) expect(out).toBe(`${serializeXml(parseXml(input))}\n`);
  });

  it('exercises every declared property', () => {
    const declared = declaredModels().flatMap((m) => Object.keys(m.props).map((k) => `${m.modelName}.${k}`));
    expect(declared.filter((p) => !exercised.has(p))).toEqual([]);
  });

  const validator = ['/usr/bin/virt-xml-validate', '/usr/local/bin/virt-xml-validate'].find((p) => existsSync(p));
  const validates = `every output passes virt-xml-validate${validator ? '' : ' (SKIPPED: virt-xml-validate is not installed; install libvirt-clients)'}`;
  it.skipIf(!validator)(
    validates,
    async () => {
      for (const name of CASES) {
        const { stdout, stderr } = await run(validator!, [path.join(DIR, `${name}-out.xml`), 'domain']).catch((e: { stdout: string; stderr: string }) => e);
        expect(`${name}: ${stdout}${stderr}`).toContain('validates');
      }
    },
    60_000,
  );
});
