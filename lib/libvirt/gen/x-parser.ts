/**
 * A parser for the subset of the XDR language (RFC 4506 §6) that libvirt's protocol files use:
 * const, enum, typedef, struct and union definitions. `%` pass-through lines are ignored; comments are kept only
 * where they annotate enum members, because libvirt marks stream procedures there (`@readstream`, `@writestream`).
 */

export type Primitive = 'int' | 'uint' | 'hyper' | 'uhyper' | 'bool' | 'float' | 'double' | 'char' | 'uchar' | 'short' | 'ushort' | 'string' | 'opaque';

export type TypeRef = { kind: 'prim'; name: Primitive } | { kind: 'ref'; name: string };

/** A declaration: `T x`, `T *x` (optional), `T x[N]` (fixed), `T x<N>` (variable, N may be absent). */
export interface Decl {
  name: string;
  type: TypeRef;
  shape: 'scalar' | 'optional' | 'fixed' | 'variable';
  size?: string; // a number or a constant name
}

export interface EnumMember {
  name: string;
  value: string;
  comment?: string;
}

export type Definition =
  | { kind: 'const'; name: string; value: string }
  | { kind: 'enum'; name: string; members: EnumMember[] }
  | { kind: 'typedef'; decl: Decl }
  | { kind: 'struct'; name: string; fields: Decl[] }
  | { kind: 'union'; name: string; discriminant: Decl; arms: UnionArm[] };

export interface UnionArm {
  /** Case labels; empty for `default`. */
  cases: string[];
  decl: Decl | null; // null for void
}

interface Token {
  text: string;
  comment?: string; // the doc comment immediately before this token
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let pendingComment: string | undefined;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '%' && (i === 0 || src[i - 1] === '\n')) {
      i = src.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      pendingComment = src.slice(i + 2, end);
      i = end + 2;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const m = /^(0x[0-9a-fA-F]+|-?[0-9]+|[A-Za-z_][A-Za-z0-9_]*|[{}()[\]<>;:,=*])/.exec(src.slice(i, i + 128));
    if (!m) throw new Error(`unexpected character ${JSON.stringify(c)} at offset ${i}`);
    tokens.push({ text: m[1]!, comment: pendingComment });
    pendingComment = undefined;
    i += m[1]!.length;
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new Error('unexpected end of input');
    return t;
  }

  private expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new Error(`expected ${text}, got ${t.text} (token ${this.pos})`);
  }

  private accept(text: string): boolean {
    if (this.peek()?.text !== text) return false;
    this.pos++;
    return true;
  }

  parseAll(): Definition[] {
    const defs: Definition[] = [];
    while (this.peek()) defs.push(this.definition());
    return defs;
  }

  private definition(): Definition {
    const kw = this.next().text;
    let def: Definition;
    switch (kw) {
      case 'const': {
        const name = this.next().text;
        this.expect('=');
        def = { kind: 'const', name, value: this.next().text };
        break;
      }
      case 'enum':
        def = { kind: 'enum', name: this.next().text, members: this.enumBody() };
        break;
      case 'struct':
        def = { kind: 'struct', name: this.next().text, fields: this.structBody() };
        break;
      case 'union':
        def = this.union();
        break;
      case 'typedef':
        def = { kind: 'typedef', decl: this.decl() };
        break;
      default:
        throw new Error(`unexpected keyword ${kw}`);
    }
    this.expect(';');
    return def;
  }

  /** `{ item item ... }`: the items read one after the other up to the closing brace. */
  private braced<T>(item: () => T): T[] {
    this.expect('{');
    const items: T[] = [];
    while (!this.accept('}')) items.push(item());
    return items;
  }

  private enumBody(): EnumMember[] {
    return this.braced(() => {
      const t = this.next();
      this.expect('=');
      const member = { name: t.text, value: this.next().text, comment: t.comment };
      this.accept(',');
      return member;
    });
  }

  private structBody(): Decl[] {
    return this.braced(() => {
      const field = this.decl();
      this.expect(';');
      return field;
    });
  }

  private union(): Definition {
    const name = this.next().text;
    this.expect('switch');
    this.expect('(');
    const discriminant = this.decl();
    this.expect(')');
    const arms = this.braced((): UnionArm => {
      const cases: string[] = [];
      for (;;) {
        if (this.accept('default')) {
          this.expect(':');
          break;
        }
        if (!this.accept('case')) break;
        cases.push(this.next().text);
        this.expect(':');
      }
      const decl = this.accept('void') ? null : this.decl();
      this.expect(';');
      return { cases, decl };
    });
    return { kind: 'union', name, discriminant, arms };
  }

  private typeRef(): TypeRef {
    const t = this.next().text;
    if (t === 'unsigned') {
      const n = this.peek()?.text;
      if (n === 'int' || n === 'hyper' || n === 'char' || n === 'short') {
        this.pos++;
        return { kind: 'prim', name: n === 'int' ? 'uint' : n === 'hyper' ? 'uhyper' : n === 'char' ? 'uchar' : 'ushort' };
      }
      return { kind: 'prim', name: 'uint' };
    }
    if (t === 'struct' || t === 'enum') return { kind: 'ref', name: this.next().text };
    const prims: Record<string, Primitive> = {
      int: 'int',
      hyper: 'hyper',
      bool: 'bool',
      float: 'float',
      double: 'double',
      char: 'char',
      short: 'short',
      string: 'string',
      opaque: 'opaque',
    };
    const p = prims[t];
    return p ? { kind: 'prim', name: p } : { kind: 'ref', name: t };
  }

  private decl(): Decl {
    const type = this.typeRef();
    if (this.accept('*')) return { name: this.next().text, type, shape: 'optional' };
    const name = this.next().text;
    if (this.accept('[')) {
      const size = this.next().text;
      this.expect(']');
      return { name, type, shape: 'fixed', size };
    }
    if (this.accept('<')) {
      if (this.accept('>')) return { name, type, shape: 'variable' };
      const size = this.next().text;
      this.expect('>');
      return { name, type, shape: 'variable', size };
    }
    return { name, type, shape: 'scalar' };
  }
}

export function parseX(src: string): Definition[] {
  return new Parser(tokenize(src)).parseAll();
}
