import { describe, expect, it } from 'vitest';
import { parseX } from './x-parser';
import { SNIPPET } from '../test-support/demo-protocol';

describe('parseX', () => {
  const defs = parseX(SNIPPET);

  it('reads every definition in order, skipping % lines and comments', () => {
    expect(defs.map((d) => `${d.kind} ${'name' in d ? d.name : d.decl.name}`)).toEqual([
      'const DEMO_NAME_MAX',
      'const DEMO_LIST_MAX',
      'typedef demo_nonnull_string',
      'typedef demo_string',
      'typedef demo_uuid',
      'enum demo_color',
      'struct demo_thing',
      'union demo_value',
      'enum demo_procedure',
      'struct demo_get_thing_ret',
    ]);
  });

  it('constants keep their literal text', () => {
    expect(defs[0]).toEqual({ kind: 'const', name: 'DEMO_NAME_MAX', value: '64' });
    expect(defs[1]).toEqual({ kind: 'const', name: 'DEMO_LIST_MAX', value: '0x10' });
  });

  it('typedefs: variable string with a named size, optional, fixed opaque', () => {
    expect(defs[2]).toEqual({
      kind: 'typedef',
      decl: { name: 'demo_nonnull_string', type: { kind: 'prim', name: 'string' }, shape: 'variable', size: 'DEMO_NAME_MAX' },
    });
    expect(defs[3]).toEqual({ kind: 'typedef', decl: { name: 'demo_string', type: { kind: 'ref', name: 'demo_nonnull_string' }, shape: 'optional' } });
    expect(defs[4]).toEqual({ kind: 'typedef', decl: { name: 'demo_uuid', type: { kind: 'prim', name: 'opaque' }, shape: 'fixed', size: '16' } });
  });

  it('enums, including negative values', () => {
    expect(defs[5]).toMatchObject({
      kind: 'enum',
      name: 'demo_color',
      members: [
        { name: 'DEMO_RED', value: '0' },
        { name: 'DEMO_GREEN', value: '1' },
        { name: 'DEMO_BLUE', value: '-2' },
      ],
    });
  });

  it('struct fields of every shape', () => {
    const s = defs[6];
    if (s?.kind !== 'struct') throw new Error('not a struct');
    expect(s.fields).toEqual([
      { name: 'id', type: { kind: 'prim', name: 'uint' }, shape: 'scalar' },
      { name: 'size', type: { kind: 'prim', name: 'uhyper' }, shape: 'scalar' },
      { name: 'delta', type: { kind: 'prim', name: 'hyper' }, shape: 'scalar' },
      { name: 'model', type: { kind: 'prim', name: 'char' }, shape: 'fixed', size: '4' },
      { name: 'uuid', type: { kind: 'ref', name: 'demo_uuid' }, shape: 'scalar' },
      { name: 'names', type: { kind: 'ref', name: 'demo_nonnull_string' }, shape: 'variable', size: 'DEMO_LIST_MAX' },
      { name: 'blob', type: { kind: 'prim', name: 'opaque' }, shape: 'variable' },
      { name: 'note', type: { kind: 'ref', name: 'demo_string' }, shape: 'scalar' },
      { name: 'color', type: { kind: 'ref', name: 'demo_color' }, shape: 'scalar' },
      { name: 'on', type: { kind: 'prim', name: 'bool' }, shape: 'scalar' },
      { name: 'load', type: { kind: 'prim', name: 'double' }, shape: 'scalar' },
    ]);
  });

  it('unions: shared case labels and void arms', () => {
    expect(defs[7]).toEqual({
      kind: 'union',
      name: 'demo_value',
      discriminant: { name: 'kind', type: { kind: 'prim', name: 'int' }, shape: 'scalar' },
      arms: [
        { cases: ['1'], decl: { name: 'i', type: { kind: 'prim', name: 'int' }, shape: 'scalar' } },
        { cases: ['2', '3'], decl: { name: 'big', type: { kind: 'prim', name: 'uhyper' }, shape: 'scalar' } },
        { cases: ['4'], decl: { name: 's', type: { kind: 'ref', name: 'demo_nonnull_string' }, shape: 'scalar' } },
        { cases: ['5'], decl: null },
      ],
    });
  });

  it('keeps the doc comment in front of an enum member (stream annotations live there)', () => {
    const e = defs[8];
    if (e?.kind !== 'enum') throw new Error('not an enum');
    expect(e.members[0]!.comment).toContain('@generate: both');
    expect(e.members[1]!.comment).toContain('@readstream: 1');
  });

  it('reports malformed input', () => {
    expect(() => parseX('struct x { int a }')).toThrow(/expected ;/);
    expect(() => parseX('frobnicate x;')).toThrow(/unexpected keyword/);
    expect(() => parseX('const A = 1')).toThrow(/end of input/);
    expect(() => parseX('/* never closed')).toThrow(/unterminated comment/);
    expect(() => parseX('const A = $;')).toThrow(/unexpected character/);
  });
});
