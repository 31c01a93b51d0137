import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import * as xdr from '../xdr';
import { ProtocolEmitter, camel, pascal } from './emit-protocol';
import { parseX } from './x-parser';
import { SNIPPET } from '../test-support/demo-protocol';
import { be32, be64, cat, f64, opaque, opt, str } from '../test-support/bytes';

const here = path.dirname(fileURLToPath(import.meta.url));

function emitter(): ProtocolEmitter {
  return new ProtocolEmitter({ defs: parseX(SNIPPET), external: new Map(), procPrefix: 'DEMO_PROC_', typePrefix: 'demo_', source: 'demo.x' });
}

type Enc = (w: xdr.XdrWriter, v: unknown) => void;
type Dec = (r: xdr.XdrReader) => unknown;

/** What these tests use of the module generated from SNIPPET. */
interface DemoModule {
  DEMO_LIST_MAX: number;
  Color: Record<string, number>;
  Procedure?: unknown;
  encThing: Enc;
  decThing: Dec;
  encGetThingRet: Enc;
  decGetThingRet: Dec;
  encNonnullString: Enc;
  encUuid: Enc;
  encValue: Enc;
  decValue: Dec;
}

/** Writes generated source to a temporary module importing the real XDR runtime, and loads it through vitest. */
async function load(body: string): Promise<unknown> {
  const xdrPath = path.join(here, '../xdr/index.ts');
  const source =
    `import { XdrError, type XdrReader, type XdrWriter } from ${JSON.stringify(xdrPath)};\n` +
    `import { encOptional, decOptional, encArray, decArray, encFixedArray, decFixedArray } from ${JSON.stringify(xdrPath)};\n` +
    'void XdrError; void encOptional; void decOptional; void encArray; void decArray; void encFixedArray; void decFixedArray;\n' +
    body;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vireo-gen-'));
  try {
    const file = path.join(dir, 'demo.gen.ts');
    await writeFile(file, source);
    return (await import(/* @vite-ignore */ file)) as unknown;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function roundTrip(enc: Enc, dec: Dec, v: unknown): Buffer {
  const w = new xdr.XdrWriter();
  enc(w, v);
  const bytes = w.toBuffer();
  const r = new xdr.XdrReader(bytes);
  expect(dec(r)).toEqual(v);
  r.assertDone();
  return bytes;
}

describe('names', () => {
  it('pascal and camel case from snake case', () => {
    expect(pascal('remote_node_get_info_ret')).toBe('RemoteNodeGetInfoRet');
    expect(camel('domain_get_xml_desc')).toBe('domainGetXmlDesc');
  });
  it('strips the type prefix and avoids clashing with globals', () => {
    const em = emitter();
    expect(em.typeName('demo_thing')).toBe('Thing');
    expect(em.typeName('demo_string')).toBe('RemoteString');
  });
});

describe('ProtocolEmitter on a hand-written .x snippet', () => {
  let mod: DemoModule;
  beforeAll(async () => {
    mod = (await load(emitter().emitTypes())) as DemoModule;
  });

  it('constants and enums', () => {
    expect(mod.DEMO_LIST_MAX).toBe(16);
    expect(mod.Color).toEqual({ DEMO_RED: 0, DEMO_GREEN: 1, DEMO_BLUE: -2 });
    expect(mod.Procedure).toBeUndefined(); // the procedure enum becomes the procedure table instead
  });

  it('a struct with every field shape encodes to hand-built bytes and back', () => {
    const uuid = Buffer.alloc(16, 0x5a);
    const thing = {
      id: 0xfffffffe,
      size: 2n ** 64n - 2n,
      delta: -5n,
      model: [97, 98, 0, 0],
      uuid,
      names: ['a', 'bcde'],
      blob: Buffer.from([1, 2, 3]),
      note: 'hi',
      color: -2,
      on: true,
      load: 0.5,
    };
    const bytes = roundTrip(mod.encThing, mod.decThing, thing);
    expect(bytes).toEqual(
      cat(
        be32(0xfffffffe),
        be64(2n ** 64n - 2n),
        be64(-5n),
        be32(97),
        be32(98),
        be32(0),
        be32(0),
        uuid,
        be32(2),
        str('a'),
        str('bcde'),
        opaque(Buffer.from([1, 2, 3])),
        opt(str('hi')),
        be32(-2),
        be32(1),
        f64(0.5),
      ),
    );
    roundTrip(mod.encGetThingRet, mod.decGetThingRet, { thing: { ...thing, note: null, names: [] } });
  });

  it('declared limits are enforced by the generated codecs', () => {
    const w = new xdr.XdrWriter();
    expect(() => mod.encNonnullString(w, 'x'.repeat(65))).toThrow(xdr.XdrError);
    expect(() => mod.encUuid(w, Buffer.alloc(15))).toThrow(xdr.XdrError);
  });

  it('a union with shared and void arms; unknown discriminants fail', () => {
    expect(roundTrip(mod.encValue, mod.decValue, { kind: 1, i: -1 })).toEqual(cat(be32(1), be32(-1)));
    expect(roundTrip(mod.encValue, mod.decValue, { kind: 3, big: 7n })).toEqual(cat(be32(3), be64(7n)));
    expect(roundTrip(mod.encValue, mod.decValue, { kind: 2, big: 8n })).toEqual(cat(be32(2), be64(8n)));
    expect(roundTrip(mod.encValue, mod.decValue, { kind: 4, s: 'é' })).toEqual(cat(be32(4), str('é')));
    expect(roundTrip(mod.encValue, mod.decValue, { kind: 5 })).toEqual(be32(5));
    expect(() => mod.decValue(new xdr.XdrReader(be32(6)))).toThrow(xdr.XdrError);
    expect(() => mod.encValue(new xdr.XdrWriter(), { kind: 0 })).toThrow(xdr.XdrError);
  });

  it('the procedure table finds argument/return types and stream annotations', () => {
    expect(emitter().procedures()).toEqual([
      { constName: 'DEMO_PROC_GET_THING', snake: 'get_thing', number: 1, args: null, ret: 'demo_get_thing_ret', msg: null, stream: null, priorityHigh: false },
      { constName: 'DEMO_PROC_DOWNLOAD', snake: 'download', number: 2, args: null, ret: null, msg: null, stream: 'read', priorityHigh: false },
    ]);
  });

  it('refuses unknown constants and union default arms', () => {
    expect(() =>
      new ProtocolEmitter({ defs: parseX('struct s { int a[NOPE]; };'), external: new Map(), procPrefix: 'X_', typePrefix: '', source: '' }).emitTypes(),
    ).toThrow(/unknown constant NOPE/);
    const withDefault = parseX('union u switch (int k) { case 1: int a; default: void; };');
    expect(() => new ProtocolEmitter({ defs: withDefault, external: new Map(), procPrefix: 'X_', typePrefix: '', source: '' }).emitTypes()).toThrow(
      /default arms/,
    );
  });

  it('constants from C headers can size declarations', () => {
    const em = new ProtocolEmitter({
      defs: parseX('typedef opaque u[VIR_UUID_BUFLEN];'),
      external: new Map([['VIR_UUID_BUFLEN', 16]]),
      procPrefix: 'X_',
      typePrefix: '',
      source: '',
    });
    expect(em.emitTypes()).toContain('w.fixedOpaque(v, 16);');
  });
});

describe('primitives', () => {
  it('travel with their XDR method: char and short as int, their unsigned kinds as uint', () => {
    const x =
      'struct demo_prims { char a; short b; int c; unsigned char d; unsigned short e; unsigned int f; hyper g; unsigned hyper h; bool i; float j; double k; };';
    const defs = parseX(x);
    const e = new ProtocolEmitter({ defs, external: new Map(), procPrefix: 'DEMO_PROC_', typePrefix: 'demo_', source: 'demo.x' });
    const def = defs.find((d) => d.kind === 'struct');
    if (def?.kind !== 'struct') throw new Error('not a struct');
    const methods = ['int', 'int', 'int', 'uint', 'uint', 'uint', 'hyper', 'uhyper', 'bool', 'float', 'double'];
    expect(def.fields.map((f) => e.encodeStmt(f, 'v'))).toEqual(methods.map((m) => `w.${m}(v);`));
    expect(def.fields.map((f) => e.decodeExpr(f))).toEqual(methods.map((m) => `r.${m}()`));
  });
});
