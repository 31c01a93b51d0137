import type { CEnum } from './c-enums';

/** `virDomainState` → `DomainState`; members lose the prefix they all share (VIR_DOMAIN_RUNNING → RUNNING). */
export function emitConstants(enums: CEnum[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const e of enums) {
    const name = e.name.replace(/^vir/, '');
    if (e.members.length === 0 || seen.has(name)) continue;
    seen.add(name);
    // A trailing implicit *_LAST member is the sentinel that counts members; it is no value to send.
    const last = e.members.at(-1)!;
    const members = last.implicit && last.name.endsWith('_LAST') ? e.members.slice(0, -1) : e.members;
    if (members.length === 0) continue;
    const prefix = commonPrefix(members.map((m) => m.name));
    out.push(`export const ${name} = {`);
    for (const m of members) {
      let short = m.name.slice(prefix.length);
      if (!/^[A-Za-z_]/.test(short)) short = `_${short}`;
      out.push(`  ${short}: ${m.value},`);
    }
    out.push('} as const;');
    out.push(`export type ${name} = (typeof ${name})[keyof typeof ${name}];`, '');
  }
  return out.join('\n');
}

function commonPrefix(names: string[]): string {
  if (names.length < 2) {
    const n = names[0] ?? '';
    return n.slice(0, n.lastIndexOf('_') + 1);
  }
  let p = names[0]!;
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p.slice(0, p.lastIndexOf('_') + 1);
}
