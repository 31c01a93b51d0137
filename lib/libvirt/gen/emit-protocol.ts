import type { Decl, Definition, TypeRef, UnionArm } from './x-parser';

/**
 * Turns parsed protocol definitions into TypeScript: one type, one encoder and one decoder per XDR type, a table of
 * procedures, and a class with one method per call. Straight-line codecs rather than an interpreter over
 * descriptors, because every reply of every call goes through them.
 */

export interface ProtocolInput {
  defs: Definition[];
  /** Constants defined outside the .x files (libvirt's C headers), e.g. VIR_UUID_BUFLEN. */
  external: Map<string, number>;
  /** Prefix of the procedure enum members, e.g. REMOTE_PROC_. */
  procPrefix: string;
  /** Prefix stripped from type names, e.g. remote_. */
  typePrefix: string;
  source: string;
}

const RESERVED = new Set(['String', 'Error', 'Boolean', 'Number', 'Object', 'Function', 'Symbol']);
const NUMBER_PRIMS = new Set(['int', 'uint', 'char', 'uchar', 'short', 'ushort', 'float', 'double']);
const PRIM_METHODS: Record<string, string> = {
  int: 'int',
  char: 'int',
  short: 'int',
  uint: 'uint',
  uchar: 'uint',
  ushort: 'uint',
  hyper: 'hyper',
  uhyper: 'uhyper',
  bool: 'bool',
  float: 'float',
  double: 'double',
};

export function pascal(snake: string): string {
  return snake
    .split('_')
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase())
    .join('');
}

export function camel(snake: string): string {
  const p = pascal(snake);
  return p[0]!.toLowerCase() + p.slice(1);
}

export class ProtocolEmitter {
  private readonly consts = new Map<string, number>();
  private readonly types = new Map<string, Definition>();
  private readonly out: string[] = [];

  constructor(private readonly input: ProtocolInput) {
    for (const [k, v] of input.external) this.consts.set(k, v);
    for (const d of input.defs) {
      if (d.kind === 'const') this.consts.set(d.name, this.num(d.value));
      if (d.kind === 'enum') {
        for (const m of d.members) this.consts.set(m.name, this.num(m.value));
        this.types.set(d.name, d);
      }
      if (d.kind === 'struct' || d.kind === 'union') this.types.set(d.name, d);
      if (d.kind === 'typedef') this.types.set(d.decl.name, d);
    }
  }

  num(v: string): number {
    if (/^-?[0-9]+$/.test(v)) return Number.parseInt(v, 10);
    if (/^0x[0-9a-f]+$/i.test(v)) return Number.parseInt(v, 16);
    const c = this.consts.get(v);
    if (c === undefined) throw new Error(`unknown constant ${v}`);
    return c;
  }

  typeName(xName: string): string {
    const base = pascal(xName.startsWith(this.input.typePrefix) ? xName.slice(this.input.typePrefix.length) : xName);
    return RESERVED.has(base) ? `Remote${base}` : base;
  }

  has(xName: string): boolean {
    return this.types.has(xName);
  }

  private tsScalar(t: TypeRef): string {
    if (t.kind === 'ref') {
      const def = this.types.get(t.name);
      if (!def) throw new Error(`unknown type ${t.name}`);
      return def.kind === 'enum' ? 'number' : this.typeName(t.name);
    }
    if (NUMBER_PRIMS.has(t.name)) return 'number';
    if (t.name === 'hyper' || t.name === 'uhyper') return 'bigint';
    if (t.name === 'bool') return 'boolean';
    if (t.name === 'string') return 'string';
    return 'Buffer';
  }

  tsDecl(d: Decl): string {
    const isBytes = d.type.kind === 'prim' && (d.type.name === 'opaque' || d.type.name === 'string');
    const base = this.tsScalar(d.type);
    if (d.shape === 'scalar' || isBytes) return base;
    if (d.shape === 'optional') return `${base} | null`;
    return `${base}[]`;
  }

  private size(d: Decl): number {
    return d.size === undefined ? 0xffffffff : this.num(d.size);
  }

  /** An expression of type (w, v) => void encoding one element of `t`. */
  private elemEncoder(t: TypeRef): string {
    if (t.kind === 'ref') {
      const def = this.types.get(t.name)!;
      return def.kind === 'enum' ? '(w, v) => w.int(v)' : `enc${this.typeName(t.name)}`;
    }
    return `(w, v) => ${this.primEncode(t.name, 'v')}`;
  }

  private elemDecoder(t: TypeRef): string {
    if (t.kind === 'ref') {
      const def = this.types.get(t.name)!;
      return def.kind === 'enum' ? '(r) => r.int()' : `dec${this.typeName(t.name)}`;
    }
    return `(r) => ${this.primDecode(t.name)}`;
  }

  /** The XdrWriter/XdrReader method of a primitive: char and short travel as int, their unsigned kinds as uint. */
  private primMethod(p: string, what: 'encoding' | 'decoding'): string {
    const m = PRIM_METHODS[p];
    if (!m) throw new Error(`no scalar ${what} for ${p}`);
    return m;
  }

  private primEncode(p: string, v: string): string {
    return `w.${this.primMethod(p, 'encoding')}(${v})`;
  }

  private primDecode(p: string): string {
    return `r.${this.primMethod(p, 'decoding')}()`;
  }

  /** A statement encoding declaration `d` whose value is the expression `v`. */
  encodeStmt(d: Decl, v: string): string {
    const t = d.type;
    if (t.kind === 'prim' && t.name === 'string') return `w.string(${v}, ${this.size(d)});`;
    if (t.kind === 'prim' && t.name === 'opaque') {
      return d.shape === 'fixed' ? `w.fixedOpaque(${v}, ${this.size(d)});` : `w.opaque(${v}, ${this.size(d)});`;
    }
    switch (d.shape) {
      case 'scalar':
        if (t.kind === 'prim') return `${this.primEncode(t.name, v)};`;
        return this.types.get(t.name)!.kind === 'enum' ? `w.int(${v});` : `enc${this.typeName(t.name)}(w, ${v});`;
      case 'optional':
        return `encOptional(w, ${v}, ${this.elemEncoder(t)});`;
      case 'fixed':
        return `encFixedArray(w, ${v}, ${this.size(d)}, ${this.elemEncoder(t)});`;
      case 'variable':
        return `encArray(w, ${v}, ${this.size(d)}, ${this.elemEncoder(t)});`;
    }
  }

  decodeExpr(d: Decl): string {
    const t = d.type;
    if (t.kind === 'prim' && t.name === 'string') return `r.string(${this.size(d)})`;
    if (t.kind === 'prim' && t.name === 'opaque') {
      return d.shape === 'fixed' ? `r.fixedOpaque(${this.size(d)})` : `r.opaque(${this.size(d)})`;
    }
    switch (d.shape) {
      case 'scalar':
        if (t.kind === 'prim') return this.primDecode(t.name);
        return this.types.get(t.name)!.kind === 'enum' ? 'r.int()' : `dec${this.typeName(t.name)}(r)`;
      case 'optional':
        return `decOptional(r, ${this.elemDecoder(t)})`;
      case 'fixed':
        return `decFixedArray(r, ${this.size(d)}, ${this.elemDecoder(t)})`;
      case 'variable':
        return `decArray(r, ${this.size(d)}, ${this.elemDecoder(t)})`;
    }
  }

  private emitStruct(name: string, fields: Decl[]): void {
    const tn = this.typeName(name);
    this.out.push(`export interface ${tn} {`);
    for (const f of fields) this.out.push(`  ${f.name}: ${this.tsDecl(f)};`);
    this.out.push('}');
    this.out.push(`export function enc${tn}(w: XdrWriter, v: ${tn}): void {`);
    for (const f of fields) this.out.push(`  ${this.encodeStmt(f, `v.${f.name}`)}`);
    this.out.push('}');
    this.out.push(`export function dec${tn}(r: XdrReader): ${tn} {`);
    // Fields are decoded in order into locals: object literal evaluation order would do too, but this reads plainly.
    for (const f of fields) this.out.push(`  const ${f.name} = ${this.decodeExpr(f)};`);
    this.out.push(`  return { ${fields.map((f) => f.name).join(', ')} };`);
    this.out.push('}', '');
  }

  private emitTypedef(d: Decl): void {
    const tn = this.typeName(d.name);
    this.out.push(`export type ${tn} = ${this.tsDecl(d)};`);
    this.out.push(`export function enc${tn}(w: XdrWriter, v: ${tn}): void {`);
    this.out.push(`  ${this.encodeStmt(d, 'v')}`);
    this.out.push('}');
    this.out.push(`export function dec${tn}(r: XdrReader): ${tn} {`);
    this.out.push(`  return ${this.decodeExpr(d)};`);
    this.out.push('}', '');
  }

  private emitUnion(name: string, disc: Decl, arms: UnionArm[]): void {
    const tn = this.typeName(name);
    const dn = disc.name;
    const variants: string[] = [];
    const enc: string[] = [];
    const dec: string[] = [];
    for (const arm of arms) {
      if (arm.cases.length === 0) throw new Error(`union ${name}: default arms are not supported`);
      for (const c of arm.cases) {
        const n = this.num(c);
        const field = arm.decl ? `; ${arm.decl.name}: ${this.tsDecl(arm.decl)}` : '';
        variants.push(`{ ${dn}: ${n}${field} }`);
        enc.push(`    case ${n}: ${arm.decl ? this.encodeStmt(arm.decl, `v.${arm.decl.name}`) : ''} break;`);
        dec.push(`    case ${n}: return { ${dn}${arm.decl ? `, ${arm.decl.name}: ${this.decodeExpr(arm.decl)}` : ''} };`);
      }
    }
    this.out.push(`export type ${tn} =\n  | ${variants.join('\n  | ')};`);
    this.out.push(`export function enc${tn}(w: XdrWriter, v: ${tn}): void {`);
    this.out.push(`  w.int(v.${dn});`, `  switch (v.${dn}) {`, ...enc);
    this.out.push(`    default: throw new XdrError(\`${name}: unknown ${dn} \${(v as { ${dn}: number }).${dn}}\`);`);
    this.out.push('  }', '}');
    this.out.push(`export function dec${tn}(r: XdrReader): ${tn} {`);
    this.out.push(`  const ${dn} = r.int();`, `  switch (${dn}) {`, ...dec);
    this.out.push(`    default: throw new XdrError(\`${name}: unknown ${dn} \${${dn}}\`);`);
    this.out.push('  }', '}', '');
  }

  /** Emits every constant, enum and type, in file order (XDR files define before use). */
  emitTypes(): string {
    this.out.length = 0;
    for (const d of this.input.defs) {
      switch (d.kind) {
        case 'const':
          this.out.push(`export const ${d.name} = ${this.num(d.value)};`);
          break;
        case 'enum':
          if (d.members.some((m) => m.name.startsWith(this.input.procPrefix))) break;
          this.out.push(`export const ${this.typeName(d.name)} = {`);
          for (const m of d.members) this.out.push(`  ${m.name}: ${this.num(m.value)},`);
          this.out.push('} as const;', '');
          break;
        case 'struct':
          this.emitStruct(d.name, d.fields);
          break;
        case 'typedef':
          this.emitTypedef(d.decl);
          break;
        case 'union':
          this.emitUnion(d.name, d.discriminant, d.arms);
          break;
      }
    }
    return this.out.join('\n');
  }

  procedures(): ProcedureInfo[] {
    const e = this.input.defs.find(
      (d): d is Extract<Definition, { kind: 'enum' }> => d.kind === 'enum' && d.members.some((m) => m.name.startsWith(this.input.procPrefix)),
    );
    if (!e) throw new Error('no procedure enum');
    const tp = this.input.typePrefix;
    return e.members.map((m) => {
      const snake = m.name.slice(this.input.procPrefix.length).toLowerCase();
      const pick = (suffix: string) => (this.has(`${tp}${snake}_${suffix}`) ? `${tp}${snake}_${suffix}` : null);
      const comment = m.comment ?? '';
      // Consoles and channels carry data both ways although their annotation names only one direction.
      const bidirectional = /^(domain_open_console|domain_open_channel)$/.test(snake);
      const read = bidirectional || /@readstream:/.test(comment);
      const write = bidirectional || /@writestream:/.test(comment);
      return {
        constName: m.name,
        snake,
        number: this.num(m.value),
        args: pick('args'),
        ret: pick('ret'),
        msg: pick('msg'),
        stream: read && write ? 'both' : read ? 'read' : write ? 'write' : null,
        priorityHigh: /@priority:\s*high/.test(comment),
      } satisfies ProcedureInfo;
    });
  }
}

export interface ProcedureInfo {
  constName: string;
  snake: string;
  number: number;
  args: string | null;
  ret: string | null;
  msg: string | null;
  stream: 'read' | 'write' | 'both' | null;
  priorityHigh: boolean;
}
