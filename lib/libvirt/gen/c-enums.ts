/**
 * Reads `typedef enum { A = 0, B = (1 << 2), C = A, ... } name;` blocks out of libvirt's public headers, so Vireo's
 * flag and state constants come from the same source as the daemon's instead of being retyped by hand.
 */
export interface CEnum {
  name: string;
  /** `implicit`: no `= value` in the header (sentinels such as VIR_DOMAIN_LAST are written that way). */
  members: { name: string; value: number; implicit: boolean }[];
}

export function parseCEnums(src: string, known: Map<string, number>): CEnum[] {
  const out: CEnum[] = [];
  const noComments = src.replace(/\/\*[\s\S]*?\*\//g, ' ');
  for (const d of noComments.matchAll(/^\s*#\s*define\s+(VIR_\w+)\s+([-0-9x()+ ]+)$/gm)) {
    const v = evalExpr(d[2]!.trim(), known);
    if (v !== undefined) known.set(d[1]!, v);
  }
  const body = noComments.replace(/^\s*#.*$/gm, ' ');
  const re = /typedef\s+enum\s*(?:\w+\s*)?\{([^}]*)\}\s*(\w+)\s*;/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const members: CEnum['members'] = [];
    let implicit = 0;
    for (const raw of m[1]!.split(',')) {
      const item = raw.trim();
      if (!item) continue;
      const [name, expr] = item.split('=').map((s) => s.trim());
      if (!name || !/^\w+$/.test(name)) continue;
      const value = expr === undefined ? implicit : evalExpr(expr, known);
      if (value === undefined) continue;
      known.set(name, value);
      members.push({ name, value, implicit: expr === undefined });
      implicit = value + 1;
    }
    out.push({ name: m[2]!, members });
  }
  return out;
}

/** Integer literals, names already seen, `<<`, `|`, unary minus and parentheses: all libvirt's enums need. */
function evalExpr(expr: string, known: Map<string, number>): number | undefined {
  const js = expr
    .replace(/\b([A-Za-z_]\w*)\b/g, (name) => {
      const v = known.get(name);
      return v === undefined ? 'NaN' : String(v);
    })
    .replace(/([0-9]+)[uUlL]+\b/g, '$1');
  if (!js.trim() || !/^[\s0-9xa-fA-F()<|&~+\-NaN]*$/.test(js)) return undefined;
  if (/\(\s*\)/.test(js)) return undefined;
  let v = evalIntExpr(js);
  // `1U << 31` is an unsigned flag in C; JavaScript's shift yields a negative int32.
  if (v < 0 && expr.includes('<<')) v = v >>> 0;
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Evaluates `|`, `&`, `<<`, `+`, `-`, unary `- + ~` and parentheses over integer literals (and NaN for unknown
 * names) with JavaScript's own operators and precedence, so results match what `Function(...)` gave before
 * without evaluating text as code.
 */
export function evalIntExpr(text: string): number {
  // `++` and `--` are tokens of their own (and errors here), as in JavaScript.
  const tokens = Array.from(text.matchAll(/\s*(0[xX][0-9a-fA-F]+|\d+|NaN|<<|\+\+|--|[|&+\-~()])|\s*(\S)/g), (m) => {
    if (m[2] !== undefined) throw new SyntaxError(`unexpected "${m[2]}" in "${text}"`);
    return m[1]!;
  });
  let at = 0;
  const peek = () => tokens[at];
  const binary = (ops: string[], next: () => number, apply: (a: number, op: string, b: number) => number) => (): number => {
    let v = next();
    while (ops.includes(peek() ?? '')) v = apply(v, tokens[at++]!, next());
    return v;
  };
  const primary = (): number => {
    const t = tokens[at++];
    if (t === undefined) throw new SyntaxError(`"${text}" ends early`);
    if (t === '(') {
      const v = or();
      if (tokens[at++] !== ')') throw new SyntaxError(`missing ")" in "${text}"`);
      return v;
    }
    if (t === 'NaN') return NaN;
    if (/^(0[xX])?[0-9a-fA-F]+$/.test(t)) return Number(t);
    throw new SyntaxError(`unexpected "${t}" in "${text}"`);
  };
  const unary = (): number => {
    const t = peek();
    if (t === '-' || t === '+' || t === '~') {
      at++;
      const v = unary();
      return t === '-' ? -v : t === '+' ? +v : ~v;
    }
    return primary();
  };
  const add = binary(['+', '-'], unary, (a, op, b) => (op === '+' ? a + b : a - b));
  const shift = binary(['<<'], add, (a, _op, b) => a << b);
  const and = binary(['&'], shift, (a, _op, b) => a & b);
  const or: () => number = binary(['|'], and, (a, _op, b) => a | b);
  const v = or();
  if (at < tokens.length) throw new SyntaxError(`unexpected "${tokens[at]}" in "${text}"`);
  return v;
}
