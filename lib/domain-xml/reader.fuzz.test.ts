import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from '@/test/support/fuzz';
import { Domain } from './domain';
import { XmlModel, type ModelClass } from './model';
import { checkEditedDomainXml, summarize } from './summary';

// A remote libvirtd is not a trusted peer: whatever domain XML it sends, reading it through the model either works
// (every property a plain value or a model) or fails with our typed errors, fast — never another exception or a
// hang. Inputs are real definitions (the golden inputs) mutated at random, and domains grown from the vocabulary
// of elements and attributes the model reads, with hostile values.

const GOLDEN = path.join(import.meta.dirname, 'golden');
const REAL = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('-in.xml'))
  .map((f) => readFileSync(path.join(GOLDEN, f), 'utf8'));
const TYPED = new Set(['XmlSyntaxError', 'DomainXmlError']);

/** Reads every property of a model and of its children, as the pages and the Hardware tab do between them. */
function readAll(m: XmlModel, depth = 0): void {
  if (depth > 20) return;
  const props = (m.constructor as ModelClass<XmlModel>).props;
  for (const key of Object.keys(props)) {
    const v = (m as unknown as Record<string, unknown>)[key];
    if (v instanceof XmlModel) readAll(v, depth + 1);
    else if (Array.isArray(v))
      for (const c of v)
        if (c instanceof XmlModel) readAll(c, depth + 1);
        else if (typeof v === 'number') expect(Number.isNaN(v)).toBe(false);
  }
}

function readOrRefuse(xml: string): void {
  const started = Date.now();
  try {
    const d = Domain.parse(xml);
    readAll(d);
    const s = summarize(d);
    for (const n of [s.memoryKiB, s.currentMemoryKiB, s.vcpus]) if (n !== null) expect(Number.isFinite(n)).toBe(true);
    Domain.parse(d.toXml()); // what we would write back parses again
    checkEditedDomainXml(xml, { name: s.name, uuid: s.uuid ?? '' });
  } catch (err) {
    if (!TYPED.has((err as Error)?.name)) throw err;
  }
  expect(Date.now() - started).toBeLessThan(1000);
}

const hostile = fc.oneof(
  fc.constantFrom('', '0', '-1', '18446744073709551616', '1e309', 'NaN', '0x10', ' 5 ', 'yes', 'on', '../../etc/passwd', '&amp;', '\u0000'),
  fc.integer().map(String),
  fc.string({ maxLength: 20 }),
);
// XML 1.0 forbids most control characters; the generator drops them.
// eslint-disable-next-line no-control-regex -- matching those characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(FORBIDDEN, '');

const NAMES = [
  'name',
  'uuid',
  'memory',
  'currentMemory',
  'maxMemory',
  'vcpu',
  'cpu',
  'topology',
  'model',
  'numa',
  'cell',
  'os',
  'type',
  'loader',
  'nvram',
  'kernel',
  'boot',
  'bootmenu',
  'devices',
  'disk',
  'driver',
  'source',
  'target',
  'readonly',
  'shareable',
  'interface',
  'mac',
  'link',
  'controller',
  'graphics',
  'listen',
  'serial',
  'console',
  'channel',
  'memballoon',
  'rng',
  'input',
  'video',
  'address',
  'alias',
  'features',
  'clock',
  'timer',
  'metadata',
  'title',
  'description',
  'on_poweroff',
  'on_reboot',
  'on_crash',
  'size',
  'node',
];
const ATTRS = [
  'type',
  'unit',
  'dev',
  'bus',
  'file',
  'pool',
  'volume',
  'network',
  'bridge',
  'address',
  'mode',
  'name',
  'order',
  'slots',
  'current',
  'sockets',
  'cores',
  'threads',
  'dies',
  'machine',
  'arch',
  'firmware',
  'port',
  'autoport',
  'listen',
  'cache',
  'discard',
  'io',
  'state',
  'placement',
  'model',
  'device',
  'socket',
  'enable',
  'index',
  'id',
  'memory',
  'cpus',
];

const element: fc.Memo<string> = fc.memo((n) =>
  fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.array(fc.tuple(fc.constantFrom(...ATTRS), hostile), { maxLength: 4 }),
      n > 1 ? fc.array(element(n - 1), { maxLength: 3 }) : fc.constant([]),
      hostile,
    )
    .map(([name, attrs, kids, text]) => {
      const a = [...new Map(attrs).entries()].map(([k, v]) => ` ${k}="${xmlText(v)}"`).join('');
      return `<${name}${a}>${kids.join('') || xmlText(text)}</${name}>`;
    }),
);
const grown = fc.array(element(3), { maxLength: 8 }).map((kids) => `<domain type="kvm">${kids.join('')}</domain>`);

/** A real definition with a slice cut out, a slice repeated, or an attribute value swapped for a hostile one. */
const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.nat(), fc.nat({ max: 2 }), hostile).map(([xml, a, b, how, value]) => {
  const i = a % xml.length;
  const j = i + (b % 200);
  if (how === 0) return xml.slice(0, i) + xml.slice(j);
  if (how === 1) return xml.slice(0, j) + xml.slice(i, j) + xml.slice(j);
  return xml.replace(/='[^']*'/g, (m, offset: number) => (offset >= i && offset < j ? `='${xmlText(value).replace(/'/g, '')}'` : m));
});

describe('the domain-XML reader under fuzzing', () => {
  it('reads real definitions mutated at random, or refuses them with a typed error', () => {
    fc.assert(fc.property(mutated, readOrRefuse), fuzzParams());
  }, 30_000);

  it('reads domains grown from its own vocabulary with hostile values, or refuses them', () => {
    fc.assert(fc.property(grown, readOrRefuse), fuzzParams());
  }, 30_000);
});
